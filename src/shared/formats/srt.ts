/**
 * SubRip (.srt). Written by hand rather than taken from a library because we need the
 * source offset of every time code and text, diagnostics with line numbers, and the
 * leniency real files demand: comma or dot milliseconds with 1–3 digits, hours above 99,
 * missing, duplicate or non-numeric indices, missing blank lines, blank lines inside text,
 * `X1:… Y2:…` coordinates, and markup kept as text.
 */
import type { Cue, CueData, Diagnostic } from '../cue';
import { fractionToMillis, clockToMillis, formatHmsMillis } from '../time';
import { isBlankRange, lineTable, tableLine, type SourceLine } from '../text/lines';
import { lineDiagnostic } from './diagnostics';
import type { TextFormat, SerializeOptions } from './types';

// [hours:]minutes:seconds[,.]fraction — SRT proper always has hours; tolerate their absence.
const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[,.:](\d+))?`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*(-->|->|—>|–>)\s*${TIME}(.*)$`);
const COORDINATES = /^\s*(?:[XY][12]\s*:\s*-?\d+\s*)+$/i;
const INDEX = /^\s*\d+\s*$/;

interface Timing {
  start: number;
  end: number;
  /** Offsets of the time range within the line, and what follows it (coordinates). */
  from: number;
  to: number;
  rest: string;
  problems: readonly string[];
}

function timeFrom(match: RegExpExecArray, first: number): { ms: number; problem?: string } {
  const hours = Number(match[first] ?? 0);
  const minutes = Number(match[first + 1]);
  const seconds = Number(match[first + 2]);
  const digits = match[first + 3] ?? '';
  const ms = clockToMillis(hours, minutes, seconds, fractionToMillis(digits));
  if (Number.isNaN(ms)) return { ms, problem: 'minutes and seconds must be below 60' };
  if (digits.length > 3) return { ms, problem: `${digits.length} fraction digits; milliseconds have 3` };
  if (match[first] === undefined) return { ms, problem: 'time code without hours' };
  return { ms };
}

const digit = (text: string, i: number): number => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** Two digits at `i` as a number, or -1. */
const twoDigits = (text: string, i: number): number => {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
};

/** `HH:MM:SS,mmm` at `i`, the shape nearly every file uses; NaN when the text differs. */
function canonicalTime(text: string, i: number): number {
  const hours = twoDigits(text, i);
  const minutes = twoDigits(text, i + 3);
  const seconds = twoDigits(text, i + 6);
  const centis = twoDigits(text, i + 9);
  const millis = digit(text, i + 11);
  if (hours < 0 || minutes < 0 || seconds < 0 || centis < 0 || millis < 0) return Number.NaN;
  if (text.charCodeAt(i + 2) !== 58 || text.charCodeAt(i + 5) !== 58 || text.charCodeAt(i + 8) !== 44) return Number.NaN;
  return clockToMillis(hours, minutes, seconds, centis * 10 + millis);
}

/**
 * The common timing line `HH:MM:SS,mmm --> HH:MM:SS,mmm` at `from`, read without a
 * regular expression (most of the parse time on large files); anything else takes the
 * general path.
 */
function readCanonicalTiming(text: string, from: number, to: number): Timing | null {
  // " --> " between the two times
  if (to - from < 29 || text.charCodeAt(from + 12) !== 32 || text.charCodeAt(from + 13) !== 45) return null;
  if (text.charCodeAt(from + 14) !== 45 || text.charCodeAt(from + 15) !== 62 || text.charCodeAt(from + 16) !== 32) return null;
  const start = canonicalTime(text, from);
  const end = canonicalTime(text, from + 17);
  if (Number.isNaN(start) || Number.isNaN(end) || (from + 29 < to && digit(text, from + 29) >= 0)) return null;
  return { start, end, from, to: from + 29, rest: from + 29 === to ? '' : text.slice(from + 29, to), problems: NO_PROBLEMS };
}

const NO_PROBLEMS: string[] = [];

/** Parses a timing line in any form we accept, or returns null when the line is not one. */
function readTiming(line: SourceLine): Timing | null {
  const match = TIMING.exec(line.text);
  if (!match) return null;
  const problems: string[] = [];
  const start = timeFrom(match, 1);
  const end = timeFrom(match, 6);
  if (start.problem) problems.push(`start ${start.problem}`);
  if (end.problem) problems.push(`end ${end.problem}`);
  if (match[5] !== '-->') problems.push(`arrow "${match[5]}" should be "-->"`);
  const rest = match[10] ?? '';
  const leading = line.text.length - line.text.trimStart().length;
  return {
    start: start.ms,
    end: end.ms,
    from: line.from + leading,
    to: line.from + line.text.length - rest.length,
    rest,
    problems,
  };
}

/** Whether text[from, to) is a cue number, allowing surrounding spaces. */
function isNumberLine(text: string, from: number, to: number): boolean {
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 32 && c !== 9) return false;
  }
  return digits > 0;
}

/**
 * Reads the cues of `text`. `wholeDocument` adds the checks of index numbering, which need
 * every cue before the one checked (sequence, repeats, the cue's number in the document):
 * a fragment (see `parseFragment`) leaves them out.
 */
function read(text: string, wholeDocument: boolean) {
  const table = lineTable(text);
  const { count, starts, ends } = table;
  const line = (i: number): SourceLine => tableLine(text, table, i);
  const diagnostics: Diagnostic[] = [];
  const cues: Cue[] = [];

  // Timing lines, found in one pass. Only lines with a ">" can be one, and the next ">"
  // is looked up once for the whole text rather than once per line.
  const timings: (Timing | null)[] = new Array<Timing | null>(count).fill(null);
  let nextArrow = text.indexOf('>');
  for (let i = 0; i < count && nextArrow >= 0; i++) {
    const to = ends[i]!;
    if (nextArrow >= to) continue;
    timings[i] = readCanonicalTiming(text, starts[i]!, to) ?? readTiming(line(i));
    nextArrow = text.indexOf('>', to);
  }
  const blank = (i: number): boolean => isBlankRange(text, starts[i]!, ends[i]!);

  // A line is an index when it stands right before a timing line and either is a number
  // or follows a blank line (or the start of the file).
  const isIndex = (i: number): boolean => {
    if (i + 1 >= count || !timings[i + 1] || timings[i] || blank(i)) return false;
    if (isNumberLine(text, starts[i]!, ends[i]!)) return true;
    return i === 0 || blank(i - 1);
  };

  // A repeated index can only appear once an index fails to exceed every earlier one, so
  // the lookup table is built only then.
  const indices: [index: number, cue: number][] = [];
  let seenIndices: Map<number, number> | null = null;
  let highestIndex = -1;
  let previousIndex: number | null = null;
  let i = 0;
  // Anything before the first cue is not part of any cue.
  while (i < count && !timings[i] && !isIndex(i)) {
    if (!blank(i)) diagnostics.push(lineDiagnostic(line(i), 'warning', 'Text outside any cue (no time code above it)'));
    i++;
  }

  while (i < count) {
    let indexLine = -1;
    if (isIndex(i)) indexLine = i++;
    const timingLine = i;
    const timing = timings[i]!;
    i++;

    // Text runs until the next cue start; trailing blank lines are separators.
    const firstText = i;
    while (i < count && !timings[i] && !isIndex(i)) i++;
    let lastText = i - 1;
    const missingSeparator = i < count && lastText >= firstText && !blank(lastText);
    while (lastText >= firstText && blank(lastText)) lastText--;

    const cueNumber = cues.length + 1;
    if (indexLine >= 0) {
      const value = text.slice(starts[indexLine], ends[indexLine]).trim();
      if (!INDEX.test(value)) {
        diagnostics.push(lineDiagnostic(line(indexLine), 'warning', `Cue index "${value}" is not a number`));
      } else if (wholeDocument) {
        const n = Number(value);
        if (n <= highestIndex && !seenIndices) seenIndices = new Map(indices);
        const earlier = seenIndices?.get(n);
        if (earlier !== undefined) {
          diagnostics.push(lineDiagnostic(line(indexLine), 'warning', `Cue index ${n} repeats the index of cue ${earlier}`));
        } else if (previousIndex !== null && n !== previousIndex + 1) {
          diagnostics.push(
            lineDiagnostic(line(indexLine), 'info', `Cue index ${n} is out of sequence (expected ${previousIndex + 1})`),
          );
        }
        if (seenIndices) {
          if (earlier === undefined) seenIndices.set(n, cueNumber);
        } else indices.push([n, cueNumber]);
        highestIndex = Math.max(highestIndex, n);
        previousIndex = n;
      }
    } else if (wholeDocument) {
      diagnostics.push(lineDiagnostic(line(timingLine), 'info', `Cue ${cueNumber} has no index line`));
    }

    const valid = !Number.isNaN(timing.start) && !Number.isNaN(timing.end);
    if (!valid) {
      const why = timing.problems.length > 0 ? ` (${timing.problems.join('; ')})` : '';
      diagnostics.push(
        lineDiagnostic(line(timingLine), 'error', `Invalid time code${why}; this cue is ignored`, timing.from, timing.to),
      );
      continue;
    }
    for (const problem of timing.problems) {
      diagnostics.push(lineDiagnostic(line(timingLine), 'warning', `Time code: ${problem}`, timing.from, timing.to));
    }
    if (timing.end < timing.start) {
      diagnostics.push(lineDiagnostic(line(timingLine), 'warning', 'Cue ends before it starts', timing.from, timing.to));
    }
    const rest = timing.rest.trim();
    if (rest !== '' && !COORDINATES.test(rest)) {
      diagnostics.push(
        lineDiagnostic(line(timingLine), 'warning', `Unexpected text after the time code: "${rest}"`, timing.to, ends[timingLine]!),
      );
    }
    if (missingSeparator) {
      diagnostics.push(lineDiagnostic(line(i - 1), 'info', 'No blank line between this cue and the next'));
    }

    const hasText = lastText >= firstText;
    const textFrom = hasText ? starts[firstText]! : ends[timingLine]!;
    const textTo = hasText ? ends[lastText]! : ends[timingLine]!;
    const raw = text.slice(textFrom, textTo);
    const cue: Cue = {
      start: timing.start,
      end: timing.end,
      text: raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw,
      from: indexLine >= 0 ? starts[indexLine]! : starts[timingLine]!,
      to: textTo,
      timingFrom: timing.from,
      timingTo: timing.to,
      textFrom,
      textTo,
    };
    if (rest !== '') cue.settings = rest;
    cues.push(cue);
  }
  return { cues, diagnostics };
}

const parse = (text: string) => read(text, true);

/**
 * A fragment that starts where a cue starts reads exactly like that part of the whole
 * document: a block depends on nothing before it, so there is no head context. Only the
 * diagnostics of index numbering are left out (out of sequence, repeated, "Cue N has no
 * index line"): they depend on every cue before the fragment. (Nor can the note that the
 * last cue's text runs straight into the next cue be given: that cue is outside.)
 */
const parseFragment = (fragment: string) => read(fragment, false);

function formatTiming(start: number, end: number): string {
  return `${formatHmsMillis(start, ',')} --> ${formatHmsMillis(end, ',')}`;
}

/** One cue block with `eol` line breaks, as `serialize` writes it (without the break after it). */
function block(cue: CueData, number: number, eol: string): string {
  const timing = formatTiming(cue.start, cue.end) + (cue.settings ? ` ${cue.settings}` : '');
  if (cue.text === '') return `${number}${eol}${timing}`;
  const text = eol === '\n' ? cue.text : cue.text.split('\n').join(eol);
  return `${number}${eol}${timing}${eol}${text}`;
}

function serialize(cues: readonly CueData[], options: SerializeOptions = {}): string {
  const eol = options.eol ?? '\n';
  if (cues.length === 0) return '';
  return cues.map((cue, i) => block(cue, i + 1, eol)).join(eol + eol) + eol;
}

function detect(text: string, fileName?: string): number {
  const head = text.slice(0, 4096);
  const hasTiming = /^\s*(?:\d+:)?\d{1,2}:\d{1,2}[,.]\d+\s*-->\s*(?:\d+:)?\d{1,2}:\d{1,2}[,.]\d+/m.test(head);
  const extension = fileName?.toLowerCase().endsWith('.srt') ?? false;
  if (hasTiming && /^WEBVTT/.test(head.replace(/^\uFEFF/, ''))) return 0.1;
  if (hasTiming) return /^\s*(?:\d+:)?\d{1,2}:\d{1,2},\d+\s*-->/m.test(head) ? 0.9 : 0.6;
  return extension ? 0.3 : 0;
}

export const srt: TextFormat = {
  kind: 'text',
  id: 'srt',
  label: 'SubRip (SRT)',
  extensions: ['srt'],
  detect,
  parse,
  serialize,
  formatTiming,
  formatBlock: (cue, number) => block(cue, number, '\n'),
  blockSeparator: '\n\n',
  readContext: () => ({ format: 'srt' }),
  parseFragment,
};
