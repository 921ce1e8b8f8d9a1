/**
 * Timing edits: each rewrites only the time codes (`timingFrom..timingTo`) of the cues it
 * moves, so the index line, cue settings, text and everything around stay byte for byte.
 *
 * Times are rounded to what the format writes (`timeStep`: centiseconds for ASS), and a
 * move that the format cannot show (a 1 ms nudge in ASS) is "nothing to do" (null).
 * Every operation returns null rather than write a cue that ends before it starts, a time
 * below 0, or (unless `allowOverlap`) a cue closer than `minGap` to a neighbour it moves
 * towards. An overlap that was already there is never made worse, and never "fixed" by
 * pulling an edge the user did not move.
 */
import type { Cue } from '../cue';
import type { TextFormat } from '../formats/types';
import { neighbourBounds, type NeighbourOptions } from './constraints';
import { formatQuantizer } from './layout';
import { makePlan, type EditPlan, type TextChange } from './plan';

export type Edge = 'start' | 'end';

export type RetimeOptions = Omit<NeighbourOptions, 'step'>;

type TimedCue = Pick<Cue, 'start' | 'end' | 'timingFrom' | 'timingTo'>;

/** The change that rewrites a cue's time codes, or null when the times are invalid or the text would not change. */
function timingChange(format: TextFormat, cue: TimedCue, start: number, end: number): TextChange | null {
  if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end < start) return null;
  const insert = format.formatTiming(start, end);
  if (insert === format.formatTiming(cue.start, cue.end)) return null;
  return { from: cue.timingFrom, to: cue.timingTo, insert };
}

/** Sets a cue's times: rewrites only its timing text. Null for invalid times (end before start, below 0) or no change. */
export function retime(format: TextFormat, cue: TimedCue, start: number, end: number): EditPlan | null {
  const q = formatQuantizer(format);
  const change = timingChange(format, cue, q.nearest(start), q.nearest(end));
  return change ? makePlan([change]) : null;
}

function bounds(format: TextFormat, cues: readonly Cue[], index: number, options: RetimeOptions) {
  return neighbourBounds(cues, index, { ...options, step: formatQuantizer(format).step });
}

/**
 * Moves one edge, or the whole cue (`both`, keeping its duration), by `deltaMs`: the
 * keyboard nudge (a frame is `1000 / profile.frameRate`). The move stops at the neighbour it
 * heads for (`minGap` away unless `allowOverlap`), at 0, and — for one edge — at the other
 * edge (a zero-length cue is allowed). Null when it cannot move at all.
 */
export function nudge(
  format: TextFormat,
  cues: readonly Cue[],
  index: number,
  edge: Edge | 'both',
  deltaMs: number,
  options: RetimeOptions = {},
): EditPlan | null {
  const cue = cues[index];
  if (!cue || !Number.isFinite(deltaMs) || deltaMs === 0) return null;
  const q = formatQuantizer(format);
  const { min, max } = bounds(format, cues, index, options);
  let { start, end } = cue;
  if (edge === 'both') {
    // Whole steps only, so both edges stay on the format's grid; toward zero so bounds hold.
    const limit = deltaMs < 0 ? min - start : max - end;
    const delta = deltaMs < 0 ? q.up(Math.max(deltaMs, limit)) : q.down(Math.min(deltaMs, limit));
    if (deltaMs < 0 ? delta >= 0 : delta <= 0) return null;
    start += delta;
    end += delta;
  } else if (edge === 'start') {
    const target = q.nearest(start + deltaMs);
    start = deltaMs < 0 ? Math.max(target, min) : Math.min(target, end);
    if (deltaMs < 0 ? start >= cue.start : start <= cue.start) return null;
  } else {
    const target = q.nearest(end + deltaMs);
    end = deltaMs > 0 ? Math.min(target, max) : Math.max(target, start);
    if (deltaMs > 0 ? end <= cue.end : end >= cue.end) return null;
  }
  return retime(format, cue, start, end);
}

/**
 * Sets one edge at `timeMs` (the playhead), kept within the neighbour bounds. Setting the
 * start after the end (or the end before the start) moves the whole cue there with its
 * duration — the usual case when a speech-to-text cue is heard later or earlier than it is
 * timed — shortened if the neighbour is in the way. Null when the time falls beyond the
 * neighbour on that side, or nothing changes.
 */
export function setEdgeAt(
  format: TextFormat,
  cues: readonly Cue[],
  index: number,
  edge: Edge,
  timeMs: number,
  options: RetimeOptions = {},
): EditPlan | null {
  const cue = cues[index];
  if (!cue || !Number.isFinite(timeMs)) return null;
  const q = formatQuantizer(format);
  const { min, max } = bounds(format, cues, index, options);
  const duration = Math.max(0, cue.end - cue.start);
  const t = q.nearest(timeMs);
  if (edge === 'start') {
    const start = Math.max(t, min);
    if (start <= cue.end) return retime(format, cue, start, cue.end);
    if (start > max) return null;
    return retime(format, cue, start, Math.min(start + duration, max));
  }
  const end = Math.min(t, max);
  if (end >= cue.start) return retime(format, cue, cue.start, end);
  if (end < min) return null;
  return retime(format, cue, Math.max(end - duration, min), end);
}

/**
 * Spotting while listening: the playhead ends this cue, and the next cue starts `minGap`
 * later (Subtitle Edit's "set end and start of next after gap"; pass `minGap: 0` for
 * Aegisub-style continuous lines). The last cue only gets its end set. Null when the
 * playhead is not after this cue's start, or would leave the next cue starting after its
 * own end.
 */
export function spot(format: TextFormat, cues: readonly Cue[], index: number, timeMs: number, options: { minGap?: number } = {}): EditPlan | null {
  const cue = cues[index];
  if (!cue || !Number.isFinite(timeMs)) return null;
  const q = formatQuantizer(format);
  const end = q.nearest(timeMs);
  if (end <= cue.start) return null;
  const next = cues[index + 1];
  const changes: TextChange[] = [];
  const own = timingChange(format, cue, cue.start, end);
  if (own) changes.push(own);
  if (next) {
    const nextStart = q.up(end + Math.max(0, options.minGap ?? 0));
    if (nextStart > next.end) return null;
    const other = timingChange(format, next, nextStart, next.end);
    if (other) changes.push(other);
  }
  return makePlan(changes);
}
