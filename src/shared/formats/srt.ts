/**
 * SubRip (.srt). Written by hand rather than taken from a library because we need the
 * source offset of every time code and text, diagnostics with line numbers, and the
 * leniency real files demand: comma or dot milliseconds with 1–3 digits, hours above 99,
 * missing, duplicate or non-numeric indices, missing blank lines, blank lines inside text,
 * `X1:… Y2:…` coordinates, and markup kept as text.
 */
import type { Cue, CueData, Diagnostic } from '../cue';
import { fractionToMillis, clockToMillis, formatHmsMillis } from '../time';
import { splitLines, type SourceLine } from '../text/lines';
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
  problems: string[];
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
 * The common timing line `HH:MM:SS,mmm --> HH:MM:SS,mmm`, read without a regular
 * expression (most of the parse time on large files); anything else takes the general path.
 */
function readCanonicalTiming(line: SourceLine): Timing | null {
  const text = line.text;
  if (text.length < 29 || text.slice(12, 17) !== ' --> ') return null;
  const start = canonicalTime(text, 0);
  const end = canonicalTime(text, 17);
  if (Number.isNaN(start) || Number.isNaN(end) || digit(text, 29) >= 0) return null;
  return { start, end, from: line.from, to: line.from + 29, rest: text.slice(29), problems: [] };
}

/** Parses a timing line, or returns null when the line is not one. */
function readTiming(line: SourceLine): Timing | null {
  if (!line.text.includes('>')) return null;
  const canonical = readCanonicalTiming(line);
  if (canonical) return canonical;
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

/** Whether a line holds only whitespace, without allocating (this runs on every line). */
function isBlank(line: SourceLine): boolean {
  const text = line.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0xfeff && !(c >= 0x2000 && c <= 0x200a)) return false;
  }
  return true;
}

function parse(text: string) {
  const lines = splitLines(text);
  const diagnostics: Diagnostic[] = [];
  const cues: Cue[] = [];
  const timings = lines.map(readTiming);

  // A line is an index when it stands right before a timing line and either is a number
  // or follows a blank line (or the start of the file).
  const isIndex = (i: number): boolean => {
    const next = timings[i + 1];
    if (!next || timings[i] || isBlank(lines[i]!)) return false;
    if (INDEX.test(lines[i]!.text)) return true;
    return i === 0 || isBlank(lines[i - 1]!);
  };

  const seenIndices = new Map<number, number>();
  let previousIndex: number | null = null;
  let i = 0;
  // Anything before the first cue is not part of any cue.
  while (i < lines.length && !timings[i] && !isIndex(i)) {
    if (!isBlank(lines[i]!)) {
      diagnostics.push(lineDiagnostic(lines[i]!, 'warning', 'Text outside any cue (no time code above it)'));
    }
    i++;
  }

  while (i < lines.length) {
    let indexLine: SourceLine | null = null;
    if (isIndex(i)) {
      indexLine = lines[i]!;
      i++;
    }
    const timingLine = lines[i]!;
    const timing = timings[i]!;
    i++;

    // Text runs until the next cue start; trailing blank lines are separators.
    const textLines: SourceLine[] = [];
    while (i < lines.length && !timings[i] && !isIndex(i)) textLines.push(lines[i++]!);
    let missingSeparator = false;
    if (i < lines.length && textLines.length > 0 && !isBlank(textLines[textLines.length - 1]!)) {
      missingSeparator = true;
    }
    while (textLines.length > 0 && isBlank(textLines[textLines.length - 1]!)) textLines.pop();

    const cueNumber = cues.length + 1;
    if (indexLine) {
      const value = indexLine.text.trim();
      if (!INDEX.test(value)) {
        diagnostics.push(lineDiagnostic(indexLine, 'warning', `Cue index "${value}" is not a number`));
      } else {
        const n = Number(value);
        const earlier = seenIndices.get(n);
        if (earlier !== undefined) {
          diagnostics.push(
            lineDiagnostic(indexLine, 'warning', `Cue index ${n} repeats the index of cue ${earlier}`),
          );
        } else if (previousIndex !== null && n !== previousIndex + 1) {
          diagnostics.push(
            lineDiagnostic(indexLine, 'info', `Cue index ${n} is out of sequence (expected ${previousIndex + 1})`),
          );
        }
        seenIndices.set(n, cueNumber);
        previousIndex = n;
      }
    } else {
      diagnostics.push(lineDiagnostic(timingLine, 'info', `Cue ${cueNumber} has no index line`));
    }

    const valid = !Number.isNaN(timing.start) && !Number.isNaN(timing.end);
    if (!valid) {
      const why = timing.problems.length > 0 ? ` (${timing.problems.join('; ')})` : '';
      diagnostics.push(
        lineDiagnostic(timingLine, 'error', `Invalid time code${why}; this cue is ignored`, timing.from, timing.to),
      );
      continue;
    }
    for (const problem of timing.problems) {
      diagnostics.push(lineDiagnostic(timingLine, 'warning', `Time code: ${problem}`, timing.from, timing.to));
    }
    if (timing.end < timing.start) {
      diagnostics.push(
        lineDiagnostic(timingLine, 'warning', 'Cue ends before it starts', timing.from, timing.to),
      );
    }
    const rest = timing.rest.trim();
    if (rest !== '' && !COORDINATES.test(rest)) {
      diagnostics.push(
        lineDiagnostic(timingLine, 'warning', `Unexpected text after the time code: "${rest}"`, timing.to, timingLine.to),
      );
    }
    if (missingSeparator) {
      const last = textLines[textLines.length - 1]!;
      diagnostics.push(lineDiagnostic(last, 'info', 'No blank line between this cue and the next'));
    }

    const first = textLines[0];
    const last = textLines[textLines.length - 1];
    const cue: Cue = {
      start: timing.start,
      end: timing.end,
      text: textLines.map((l) => l.text).join('\n'),
      from: indexLine ? indexLine.from : timingLine.from,
      to: last ? last.to : timingLine.to,
      timingFrom: timing.from,
      timingTo: timing.to,
      textFrom: first ? first.from : timingLine.to,
      textTo: last ? last.to : timingLine.to,
    };
    if (rest !== '') cue.settings = rest;
    cues.push(cue);
  }
  return { cues, diagnostics };
}

function formatTiming(start: number, end: number): string {
  return `${formatHmsMillis(start, ',')} --> ${formatHmsMillis(end, ',')}`;
}

function serialize(cues: readonly CueData[], options: SerializeOptions = {}): string {
  const eol = options.eol ?? '\n';
  const blocks = cues.map((cue, i) => {
    const timing = formatTiming(cue.start, cue.end) + (cue.settings ? ` ${cue.settings}` : '');
    const text = cue.text.split('\n').join(eol);
    return `${i + 1}${eol}${timing}${eol}${cue.text === '' ? '' : text + eol}`;
  });
  return blocks.join(eol);
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
};
