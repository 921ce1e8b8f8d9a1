/**
 * YouTube SBV (.sbv): blocks of a `H:MM:SS.mmm,H:MM:SS.mmm` timing line and text lines,
 * separated by blank lines, without indices. YouTube writes unpadded hours
 * (`0:00:01.000,0:00:04.000`). Read as leniently as SRT: missing blank lines, CRLF,
 * 1–3 fraction digits, missing hours, stray lines, all with diagnostics.
 */
import type { Cue, CueData, Diagnostic } from '../cue';
import { clockToMillis, fractionToMillis, splitClock } from '../time';
import { splitLines, type SourceLine } from '../text/lines';
import { lineDiagnostic } from './diagnostics';
import type { SerializeOptions, TextFormat } from './types';

// [hours:]minutes:seconds[.fraction]; a comma before the fraction is tolerated (and reported).
const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:([.,])(\d+))?`;
const TIMING = new RegExp(String.raw`^(\s*)${TIME}\s*,\s*${TIME}(.*)$`);
/** A line that starts like a time code but is not a timing line. */
const TIME_LIKE = /^\s*\d+:\d{1,2}:\d{1,2}[.,]\d/;
const TIME_LIKE_MESSAGE = 'Looks like a time code but is not "H:MM:SS.mmm,H:MM:SS.mmm"; read as text';

interface Timing {
  start: number;
  end: number;
  /** Offsets of the time range in the source, and any text after it. */
  from: number;
  to: number;
  rest: string;
  problems: string[];
}

function timeAt(match: RegExpExecArray, first: number): { ms: number; problem?: string } {
  const separator = match[first + 3];
  const digits = match[first + 4] ?? '';
  const ms = clockToMillis(
    Number(match[first] ?? 0),
    Number(match[first + 1]),
    Number(match[first + 2]),
    fractionToMillis(digits),
  );
  if (Number.isNaN(ms)) return { ms, problem: 'minutes and seconds must be below 60' };
  if (match[first] === undefined) return { ms, problem: 'time code without hours' };
  if (separator === undefined) return { ms, problem: 'time code without milliseconds' };
  if (separator === ',') return { ms, problem: 'comma before the milliseconds; SBV uses a dot' };
  if (digits.length !== 3) return { ms, problem: `${digits.length} fraction digits; milliseconds have 3` };
  return { ms };
}

/**
 * Reads a timing line, or returns null when the line is not one. Text after the times
 * only counts as a timing line's tail when both times are complete (with a fraction), so
 * a text line like "10:30, 11:45 standup" stays text.
 */
function readTiming(line: SourceLine): Timing | null {
  if (!line.text.includes(',')) return null;
  const match = TIMING.exec(line.text);
  if (!match) return null;
  const rest = match[12]!;
  const complete = match[5] !== undefined && match[10] !== undefined;
  if (rest.trim() !== '' && !complete) return null;
  const start = timeAt(match, 2);
  const end = timeAt(match, 7);
  const problems: string[] = [];
  if (start.problem) problems.push(`start ${start.problem}`);
  if (end.problem) problems.push(`end ${end.problem}`);
  const from = line.from + match[1]!.length;
  return { start: start.ms, end: end.ms, from, to: line.to - rest.length, rest, problems };
}

const isBlank = (line: SourceLine): boolean => line.text.trim() === '';

function parse(text: string) {
  const lines = splitLines(text);
  const timings = lines.map(readTiming);
  const diagnostics: Diagnostic[] = [];
  const cues: Cue[] = [];

  let i = 0;
  while (i < lines.length && !timings[i]) {
    const line = lines[i++]!;
    if (isBlank(line)) continue;
    const message = TIME_LIKE.test(line.text) ? TIME_LIKE_MESSAGE : 'Text outside any cue (no time code above it)';
    diagnostics.push(lineDiagnostic(line, 'warning', message));
  }

  while (i < lines.length) {
    const timingLine = lines[i]!;
    const timing = timings[i]!;
    i++;

    // Text runs until the next timing line; trailing blank lines are separators.
    const textLines: SourceLine[] = [];
    while (i < lines.length && !timings[i]) {
      const line = lines[i++]!;
      if (TIME_LIKE.test(line.text)) diagnostics.push(lineDiagnostic(line, 'warning', TIME_LIKE_MESSAGE));
      textLines.push(line);
    }
    const missingSeparator = i < lines.length && textLines.length > 0 && !isBlank(textLines[textLines.length - 1]!);
    while (textLines.length > 0 && isBlank(textLines[textLines.length - 1]!)) textLines.pop();

    for (const problem of timing.problems) {
      diagnostics.push(lineDiagnostic(timingLine, 'warning', `Time code: ${problem}`, timing.from, timing.to));
    }
    if (Number.isNaN(timing.start) || Number.isNaN(timing.end)) {
      diagnostics.push(
        lineDiagnostic(timingLine, 'error', 'Invalid time code; this cue is ignored', timing.from, timing.to),
      );
      continue;
    }
    if (timing.end < timing.start) {
      diagnostics.push(lineDiagnostic(timingLine, 'warning', 'Cue ends before it starts', timing.from, timing.to));
    }
    const rest = timing.rest.trim();
    if (rest !== '') {
      diagnostics.push(
        lineDiagnostic(timingLine, 'warning', `Unexpected text after the time code: "${rest}"`, timing.to, timingLine.to),
      );
    }
    if (missingSeparator) {
      diagnostics.push(lineDiagnostic(textLines[textLines.length - 1]!, 'info', 'No blank line between this cue and the next'));
    }

    const first = textLines[0];
    const last = textLines[textLines.length - 1];
    cues.push({
      start: timing.start,
      end: timing.end,
      text: textLines.map((l) => l.text).join('\n'),
      from: timing.from,
      to: last ? last.to : timingLine.to,
      timingFrom: timing.from,
      timingTo: timing.to,
      textFrom: first ? first.from : timingLine.to,
      textTo: last ? last.to : timingLine.to,
    });
  }
  return { cues, diagnostics };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `H:MM:SS.mmm` with unpadded hours, as YouTube writes it. */
function formatTime(ms: number): string {
  const { hours, minutes, seconds, millis } = splitClock(ms);
  return `${hours}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}`;
}

function formatTiming(start: number, end: number): string {
  return `${formatTime(start)},${formatTime(end)}`;
}

/** One cue block with `eol` line breaks, as `serialize` writes it (without the break after it). */
function block(cue: CueData, eol: string): string {
  const timing = formatTiming(cue.start, cue.end);
  return cue.text === '' ? timing : timing + eol + cue.text.split('\n').join(eol);
}

function serialize(cues: readonly CueData[], options: SerializeOptions = {}): string {
  const eol = options.eol ?? '\n';
  if (cues.length === 0) return '';
  return cues.map((cue) => block(cue, eol)).join(eol + eol) + eol;
}

function detect(text: string, fileName?: string): number {
  const head = text.slice(0, 4096);
  if (/^\s*\d+:\d{2}:\d{2}\.\d{3},\d+:\d{2}:\d{2}\.\d{3}\s*$/m.test(head)) return 0.9;
  if (/^\s*(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d+\s*,\s*(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d+\s*$/m.test(head)) return 0.6;
  return fileName?.toLowerCase().endsWith('.sbv') ? 0.3 : 0;
}

export const sbv: TextFormat = {
  kind: 'text',
  id: 'sbv',
  label: 'YouTube SBV',
  extensions: ['sbv'],
  detect,
  parse,
  serialize,
  formatTiming,
  formatBlock: (cue) => block(cue, '\n'),
  blockSeparator: '\n\n',
  // A block depends on nothing before it, so a fragment that starts with a cue reads like
  // the whole document there: no head context is needed. (Only the note that a cue's last
  // line runs straight into the next cue cannot be given for a fragment's last cue.)
  readContext: () => ({ format: 'sbv' }),
  parseFragment: parse,
};
