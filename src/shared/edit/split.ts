/**
 * Splitting a cue in two, at the cursor in its text or at a time (the playhead).
 *
 * - At a text offset: the text is cut there (the spaces and line breaks at the cut are
 *   dropped; a cut inside a word cuts the word) and the time is divided in proportion to
 *   the characters on each side (spaces and line breaks not counted).
 * - At a time strictly inside the cue: the text is cut at the word boundary (space or line
 *   break) whose share of the characters is nearest the share of time before the playhead;
 *   of two equally near, a line break wins. A text without any boundary stays whole, on
 *   the side with the larger share of time.
 *
 * The first cue ends at the split time and the second starts `minGap` later (Subtitle
 * Edit's split; capped at the cue's end). The second cue is a new block after the first,
 * with the first's cue settings and format fields (ASS style, layer …) but not its WebVTT
 * identifier; SRT cues after it are renumbered. The cursor goes to the second cue's text.
 * Null when the cut leaves one side without text (a text split at the very start or end),
 * when the time is not inside the cue, or when the text is empty (text split).
 */
import type { Cue } from '../cue';
import type { TextFormat } from '../formats/types';
import { headContext, readsAs, type StructureOptions } from './blocks';
import { blockWithSourceText, formatQuantizer, textLayout } from './layout';
import { numberAfter, renumberRun } from './numbering';
import { makePlan, offsetInInsert, type EditPlan, type SourceText, type TextChange } from './plan';

export type SplitPoint =
  /** A document offset inside the cue's text (`textFrom..textTo`), e.g. the cursor. */
  | { at: 'text'; offset: number }
  /** Milliseconds strictly between the cue's start and end, e.g. the playhead. */
  | { at: 'time'; time: number };

export interface SplitOptions extends StructureOptions {
  /** Milliseconds between the two halves (the profile's `minGap`). Default 0. */
  minGap?: number;
}

/** Runs of spaces and line breaks (and the format's written line break, e.g. ASS `\N`) in a cue's source text. */
interface Boundary {
  from: number;
  to: number;
  lineBreak: boolean;
  /** Characters (outside boundaries) before it. */
  before: number;
}

function boundaries(source: string, lineBreak: string): { runs: Boundary[]; characters: number } {
  const runs: Boundary[] = [];
  let characters = 0;
  let i = 0;
  while (i < source.length) {
    const runStart = i;
    let sawBreak = false;
    for (;;) {
      const c = source[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        if (c === '\n') sawBreak = true;
        i++;
      } else if (lineBreak !== '\n' && lineBreak !== '' && source.startsWith(lineBreak, i)) {
        sawBreak = true;
        i += lineBreak.length;
      } else break;
    }
    if (i > runStart) runs.push({ from: runStart, to: i, lineBreak: sawBreak, before: characters });
    else {
      characters++;
      i++;
    }
  }
  return { runs, characters };
}

/** Where to cut for a text split at `offset` into the source: [leftEnd, rightStart). */
function cutAtOffset(source: string, lineBreak: string, offset: number): { leftEnd: number; rightStart: number } {
  const run = boundaries(source, lineBreak).runs.find((r) => r.from <= offset && offset <= r.to);
  return run ? { leftEnd: run.from, rightStart: run.to } : { leftEnd: offset, rightStart: offset };
}

/** Where to cut for a time split with `share` (0..1) of the time before the cut. */
function cutAtShare(source: string, lineBreak: string, share: number): { leftEnd: number; rightStart: number } {
  const { runs, characters } = boundaries(source, lineBreak);
  const inner = runs.filter((r) => r.before > 0 && r.before < characters);
  if (inner.length === 0) return share >= 0.5 ? { leftEnd: source.length, rightStart: source.length } : { leftEnd: 0, rightStart: 0 };
  const target = share * characters;
  let best = inner[0]!;
  for (const run of inner) {
    const d = Math.abs(run.before - target);
    const bestD = Math.abs(best.before - target);
    if (d < bestD || (d === bestD && run.lineBreak && !best.lineBreak)) best = run;
  }
  return { leftEnd: best.from, rightStart: best.to };
}

/** Characters outside boundaries in `text`. */
const characterCount = (text: string, lineBreak: string): number => boundaries(text, lineBreak).characters;

export function splitCue(
  format: TextFormat,
  doc: SourceText,
  cues: readonly Cue[],
  index: number,
  point: SplitPoint,
  options: SplitOptions = {},
): EditPlan | null {
  const cue = cues[index];
  if (!cue || cue.end < cue.start) return null;
  const q = formatQuantizer(format);
  const { lineBreak, ownLine } = textLayout(format);
  const source = doc.slice(cue.textFrom, cue.textTo);

  let cut: { leftEnd: number; rightStart: number };
  let splitTime: number;
  if (point.at === 'text') {
    const offset = point.offset - cue.textFrom;
    if (!Number.isInteger(offset) || offset < 0 || offset > source.length) return null;
    cut = cutAtOffset(source, lineBreak, offset);
    const left = characterCount(source.slice(0, cut.leftEnd), lineBreak);
    const right = characterCount(source.slice(cut.rightStart), lineBreak);
    if (left === 0 || right === 0) return null;
    splitTime = Math.min(cue.end, Math.max(cue.start, q.nearest(cue.start + ((cue.end - cue.start) * left) / (left + right))));
  } else {
    if (!Number.isFinite(point.time)) return null;
    splitTime = q.nearest(point.time);
    if (splitTime <= cue.start || splitTime >= cue.end) return null;
    cut = cutAtShare(source, lineBreak, (splitTime - cue.start) / (cue.end - cue.start));
  }
  const secondStart = Math.min(cue.end, q.up(splitTime + Math.max(0, options.minGap ?? 0)));

  const number = numberAfter(format, doc, cues, index);
  const secondCue = {
    start: secondStart,
    end: cue.end,
    text: '',
    ...(cue.settings !== undefined && { settings: cue.settings }),
    ...(cue.meta !== undefined && { meta: cue.meta }),
  };
  const second = blockWithSourceText(format, secondCue, number, source.slice(cut.rightStart));
  if (!second) return null;
  if (!readsAs(format, headContext(format, doc, cues, options.context), second.block, { start: secondCue.start, end: secondCue.end })) return null;

  const changes: TextChange[] = [];
  const timing = format.formatTiming(cue.start, splitTime);
  if (timing !== format.formatTiming(cue.start, cue.end)) changes.push({ from: cue.timingFrom, to: cue.timingTo, insert: timing });
  // The first cue keeps the text before the cut; with none left, an own-line format also loses the text's line.
  let keepTo = cue.textFrom + cut.leftEnd;
  if (cut.leftEnd === 0 && ownLine && cue.textFrom > 0 && doc.slice(cue.textFrom - 1, cue.textFrom) === '\n') keepTo--;
  changes.push({ from: keepTo, to: cue.textTo, insert: '' });
  const insertion: TextChange = { from: cue.to, to: cue.to, insert: format.blockSeparator + second.block };
  changes.push(insertion, ...renumberRun(format, doc, cues, index + 1, number, 1));
  return makePlan(changes, offsetInInsert(changes, insertion, format.blockSeparator.length + second.textOffset));
}
