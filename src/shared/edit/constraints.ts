/**
 * Where a cue may go: between its neighbours (kept `minGap` apart unless overlaps are
 * allowed) and never before 0; and snapping a dragged time to nearby edges.
 *
 * "Neighbours" are the cues before and after in the document (the cue list's order), as in
 * Subtitle Edit's previous/next line: a document sorted by time has the same neighbours in
 * time, and an unsorted one is the user's to sort.
 */
import type { Cue } from '../cue';
import { quantizer } from './layout';

export interface NeighbourOptions {
  /** Let the cue overlap its neighbours: only 0 bounds it. */
  allowOverlap?: boolean;
  /** Milliseconds to keep between a cue and its neighbours (the profile's `minGap`). Default 0. */
  minGap?: number;
  /** Time resolution of the format (`timeStep`): bounds are rounded inwards to it. Default 1. */
  step?: number;
}

type Timed = Pick<Cue, 'start' | 'end'>;

/** The range the cue at `index` may occupy: [min, max], max possibly Infinity. */
export function neighbourBounds(cues: readonly Timed[], index: number, options: NeighbourOptions = {}): { min: number; max: number } {
  const q = quantizer(options.step ?? 1);
  if (options.allowOverlap) return { min: 0, max: Number.POSITIVE_INFINITY };
  const gap = Math.max(0, options.minGap ?? 0);
  const previous = cues[index - 1];
  const next = cues[index + 1];
  return {
    min: previous ? Math.max(0, q.up(previous.end + gap)) : 0,
    max: next ? q.down(next.start - gap) : Number.POSITIVE_INFINITY,
  };
}

/**
 * `start` and `end` moved into the neighbour bounds (each on its own: a time inside stays
 * where it is), with `end` raised to `start` if it fell below. Null when there is no room
 * at all (the neighbours are closer than twice the gap, or overlap each other).
 */
export function clampToNeighbours(
  cues: readonly Timed[],
  index: number,
  start: number,
  end: number,
  options: NeighbourOptions = {},
): { start: number; end: number } | null {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  const { min, max } = neighbourBounds(cues, index, options);
  if (min > max) return null;
  const q = quantizer(options.step ?? 1);
  const clamp = (t: number): number => Math.min(max, Math.max(min, q.nearest(t)));
  const s = clamp(start);
  return { start: s, end: Math.max(s, clamp(end)) };
}

/**
 * `time` moved to the nearest of `targets` when one lies within `thresholdMs` (the caller
 * converts its pixel threshold at the current zoom); otherwise `time` unchanged. Of two
 * equally near targets the first listed wins.
 */
export function snap(time: number, targets: readonly number[], thresholdMs: number): number {
  let best = time;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const target of targets) {
    const distance = Math.abs(target - time);
    if (Number.isFinite(target) && distance <= thresholdMs && distance < bestDistance) {
      best = target;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * What an edge of the cue at `index` snaps to: the playhead, and the neighbours' facing
 * edges kept `minGap` away (the closest the cue may come to them).
 */
export function snapTargets(cues: readonly Timed[], index: number, options: { playhead?: number; minGap?: number } = {}): number[] {
  const gap = Math.max(0, options.minGap ?? 0);
  const targets: number[] = [];
  if (options.playhead !== undefined) targets.push(options.playhead);
  const previous = cues[index - 1];
  const next = cues[index + 1];
  if (previous) targets.push(previous.end + gap);
  if (next) targets.push(Math.max(0, next.start - gap));
  return targets;
}
