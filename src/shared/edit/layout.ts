/**
 * What the edit operations need to know about how a format lays out a cue, learnt from the
 * format's own writers (`formatTiming`, `formatBlock`) rather than from a table of format
 * ids, so a new text format works without touching this folder:
 *
 * - the time resolution it writes (ASS: centiseconds; the others: milliseconds), so bounds
 *   are rounded the safe way and a gap never shrinks when the format rounds;
 * - whether cue text starts on a line of its own (SRT, WebVTT, SBV) or on the timing line
 *   (whisper, ASS), which decides how text is added to a cue that has none;
 * - how a line break inside cue text is written (`\N` in ASS, a line break elsewhere).
 */
import type { CueData } from '../cue';
import type { TextFormat } from '../formats/types';

export interface TextLayout {
  /** Text starts on the line after the timing line. */
  ownLine: boolean;
  /** A line break inside cue text, as written in the source. */
  lineBreak: string;
}

// Private-use characters: no format escapes them, and no cue text is expected to hold them.
const FIRST = '\uE000';
const SECOND = '\uE001';

const layouts = new WeakMap<TextFormat, TextLayout>();
const steps = new WeakMap<TextFormat, number>();

export function textLayout(format: TextFormat): TextLayout {
  let layout = layouts.get(format);
  if (!layout) {
    const block = format.formatBlock({ start: 0, end: 0, text: `${FIRST}\n${SECOND}` }, 1);
    const first = block.indexOf(FIRST);
    const second = block.indexOf(SECOND);
    layout = {
      ownLine: first > 0 && block[first - 1] === '\n',
      lineBreak: first >= 0 && second > first ? block.slice(first + 1, second) : '\n',
    };
    layouts.set(format, layout);
  }
  return layout;
}

/** The smallest time difference the format writes: 1 ms, or 10 ms for ASS's centiseconds. */
export function timeStep(format: TextFormat): number {
  let step = steps.get(format);
  if (step === undefined) {
    const base = format.formatTiming(1000, 1000);
    step = [1, 10, 100, 1000].find((s) => format.formatTiming(1000 + s, 1000 + s) !== base) ?? 1;
    steps.set(format, step);
  }
  return step;
}

/** Rounding to a format's step: to the nearest (as the format would), and the safe ways for bounds. */
export interface Quantizer {
  step: number;
  nearest(ms: number): number;
  up(ms: number): number;
  down(ms: number): number;
}

export function quantizer(step: number): Quantizer {
  return {
    step,
    // `+ 0` turns -0 into 0.
    nearest: (ms) => Math.round(ms / step) * step + 0,
    up: (ms) => Math.ceil(ms / step) * step + 0,
    down: (ms) => Math.floor(ms / step) * step + 0,
  };
}

export const formatQuantizer = (format: TextFormat): Quantizer => quantizer(timeStep(format));

/** Where the text starts in `format.formatBlock(cue, number)` (the end of the block when the text is empty). */
export function textOffsetInBlock(format: TextFormat, cue: CueData, number: number): number {
  if (cue.text === '') return format.formatBlock(cue, number).length;
  return Math.max(0, format.formatBlock({ ...cue, text: FIRST }, number).indexOf(FIRST));
}

/**
 * A new block whose text is `source` exactly as it stands in the document (already in the
 * format's spelling, e.g. with `\N`), the rest as `formatBlock` writes it. Null when the
 * format does not write the text where it can be replaced.
 */
export function blockWithSourceText(format: TextFormat, cue: CueData, number: number, source: string): { block: string; textOffset: number } | null {
  if (source === '') {
    const block = format.formatBlock({ ...cue, text: '' }, number);
    return { block, textOffset: block.length };
  }
  const probe = format.formatBlock({ ...cue, text: FIRST }, number);
  const at = probe.indexOf(FIRST);
  if (at < 0 || probe.indexOf(FIRST, at + 1) >= 0) return null;
  return { block: probe.slice(0, at) + source + probe.slice(at + 1), textOffset: at };
}
