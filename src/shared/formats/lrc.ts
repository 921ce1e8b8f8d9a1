/**
 * LRC lyrics (.lrc): `[mm:ss.xx]text` lines. A line only says when it starts — a cue ends
 * where the next line begins — so LRC is imported, not edited as text.
 *
 * Read:
 * - time tags `[mm:ss.xx]`, `[mm:ss]`, `[mm:ss.xxx]`; minutes may pass 59 (whisper.cpp
 *   writes `[75:02.30]`); also, with a diagnostic, `[mm:ss:xx]` (read as hundredths) and
 *   `[h:mm:ss.xx]`;
 * - several time tags on one line: the same text at each of those times (a chorus);
 * - ID tags `[ar:]`, `[ti:]`, `[al:]`, `[au:]`, `[by:]`, `[re:]`, `[ve:]` … are skipped;
 *   `[length:]` ends the last cue; `[offset:±ms]` shifts every time, a positive offset
 *   making lyrics appear sooner (time = tag − offset; the LRC description on Wikipedia, and
 *   ffmpeg's lrcdec.c, which sets `pts = ts_start - ts_offset`);
 * - enhanced LRC word times `<mm:ss.xx>` become `words`; the tags leave the text. A word
 *   runs until the next word tag, the last one until a trailing tag or the cue's end;
 * - an empty line (`[01:02.00]` alone) ends the cue before it without starting one;
 * - lines at the same time merge into one cue of several lines (bilingual lyrics put the
 *   translation on a second line with the same tag).
 * The last cue ends at `[length:]` when that lies after its start, else
 * `LAST_CUE_DURATION` later.
 *
 * Write: a `[re:Cuesmith]` header (`re` names the program that made the file; whisper.cpp
 * puts itself in `[by:]`, which is meant for the person), then `[mm:ss.xx]text`, one line
 * per text line. A cue followed by a gap — and the last cue — gets an empty `[mm:ss.xx]`
 * line at its end so its end time survives. Times round to the nearest hundredth; an end
 * that overlaps the next cue cannot be written (the next start ends it). A one-line cue
 * whose words are all timed and found in its text is written as enhanced LRC.
 */
import type { CueData, Diagnostic, Word } from '../cue';
import { clockToMillis, fractionToMillis, MS_PER_HOUR, MS_PER_MINUTE } from '../time';
import { iterateLines, type SourceLine } from '../text/lines';
import { lineDiagnostic } from './diagnostics';
import type { DataFormat, ReadResult, SerializeOptions } from './types';

/** How long the last cue lasts when no `[length:]` says where the song ends. */
export const LAST_CUE_DURATION = 5000;

const ID_TAG = /^([A-Za-z#][A-Za-z0-9#_-]*)\s*:(.*)$/s;
const TIME_LIKE = /^\s*\d+\s*:[\d\s.:,]*$/;
const WORD_TAG = /<(\d+):(\d{1,2})(?:[.:](\d{1,3}))?>/g;

interface TagTime {
  ms: number;
  problem?: string;
}

/** Milliseconds from minutes (any number), seconds and a fraction; NaN when seconds reach 60. */
function minutesToMillis(minutes: number, seconds: number, digits: string): number {
  return clockToMillis(Math.floor(minutes / 60), minutes % 60, seconds, fractionToMillis(digits));
}

/** Reads the inside of a time tag. */
function readTagTime(inside: string): TagTime {
  const value = inside.trim();
  let match = /^(\d+):(\d{1,2})(?:([.,])(\d+))?$/.exec(value);
  if (match) {
    const ms = minutesToMillis(Number(match[1]), Number(match[2]), match[4] ?? '');
    return match[3] === ',' ? { ms, problem: 'comma before the hundredths (LRC uses a dot)' } : { ms };
  }
  match = /^(\d+):(\d{1,2}):(\d{1,2})$/.exec(value);
  if (match) {
    const ms = minutesToMillis(Number(match[1]), Number(match[2]), match[3]!);
    return { ms, problem: `"${value}" has a colon before the hundredths; read as mm:ss.xx` };
  }
  match = /^(\d+):(\d{1,2}):(\d{1,2})[.,](\d+)$/.exec(value);
  if (match) {
    const ms = Number(match[1]) * MS_PER_HOUR + minutesToMillis(Number(match[2]), Number(match[3]), match[4]!);
    return { ms, problem: `"${value}" has hours, which standard LRC does not; read as h:mm:ss.xx` };
  }
  return { ms: Number.NaN };
}

/** `[length:]` values: `m:ss`, `mm:ss.xx`, `h:mm:ss` or seconds. */
function readLength(value: string): number {
  const trimmed = value.trim();
  const clock = /^(?:(\d+):)?(\d+):(\d{1,2})(?:[.,](\d+))?$/.exec(trimmed);
  if (clock) return Number(clock[1] ?? 0) * MS_PER_HOUR + minutesToMillis(Number(clock[2]), Number(clock[3]), clock[4] ?? '');
  const seconds = /^(\d+)(?:[.,](\d+))?$/.exec(trimmed);
  return seconds ? Number(seconds[1]) * 1000 + fractionToMillis(seconds[2] ?? '') : Number.NaN;
}

/** A lyric line at one time, before the offset is applied. */
interface Entry {
  time: number;
  text: string;
  words?: Word[];
}

interface LyricLine {
  times: number[];
  text: string;
  /** Word times from enhanced LRC; `end` null where the line's end decides. */
  words: Word[];
  /** When the first word starts, to pick which of several time tags the words belong to. */
  firstWordTime: number | null;
}

/**
 * Splits what follows the time tags into text and enhanced-LRC word timings. Tags leave
 * the text; where a tag stood between two spaces only one space stays.
 */
function readWords(
  line: SourceLine,
  restFrom: number,
  lineTime: number,
  diagnostics: Diagnostic[],
): Pick<LyricLine, 'text' | 'words' | 'firstWordTime'> {
  const rest = line.text.slice(restFrom);
  const tags = [...rest.matchAll(WORD_TAG)];
  if (tags.length === 0) return { text: rest.trim(), words: [], firstWordTime: null };

  const pieces: string[] = [];
  let endsInSpace = false;
  const append = (piece: string): void => {
    const added = endsInSpace ? piece.replace(/^\s+/, '') : piece;
    if (added === '') return;
    pieces.push(added);
    endsInSpace = /\s$/.test(added);
  };
  const words: Word[] = [];
  let valid = true;
  const lead = rest.slice(0, tags[0]!.index);
  append(lead);
  if (lead.trim() !== '') words.push({ start: lineTime, end: null, text: lead.trim() });
  tags.forEach((tag, k) => {
    const start = minutesToMillis(Number(tag[1]), Number(tag[2]), tag[3] ?? '');
    if (Number.isNaN(start)) {
      const from = line.from + restFrom + tag.index;
      diagnostics.push(lineDiagnostic(line, 'warning', `Invalid word time ${tag[0]}; this line's word times are ignored`, from, from + tag[0].length));
      valid = false;
    }
    const previous = words[words.length - 1];
    if (previous && previous.end === null) previous.end = start;
    const pieceEnd = k + 1 < tags.length ? tags[k + 1]!.index : rest.length;
    const piece = rest.slice(tag.index + tag[0].length, pieceEnd);
    append(piece);
    if (piece.trim() !== '') words.push({ start, end: null, text: piece.trim() });
  });
  const text = pieces.join('').trim();
  return { text, words: valid ? words : [], firstWordTime: valid ? (words[0]?.start ?? null) : null };
}

interface Header {
  offset: { ms: number; line: SourceLine } | null;
  length: number | null;
}

/** Reads one line: ID tag, lyric line, or nothing (with a diagnostic when it is odd). */
function readLine(line: SourceLine, header: Header, diagnostics: Diagnostic[]): LyricLine | null {
  const content = line.number === 1 ? line.text.replace(/^\uFEFF/, '') : line.text;
  let pos = line.text.length - content.length;
  while (pos < line.text.length && /\s/.test(line.text[pos]!)) pos++;
  if (pos === line.text.length) return null;

  const times: number[] = [];
  let invalidTags = 0;
  while (line.text[pos] === '[') {
    const close = line.text.indexOf(']', pos);
    if (close < 0) break;
    const inside = line.text.slice(pos + 1, close);
    const tagFrom = line.from + pos;
    const tagTo = line.from + close + 1;
    const idTag = times.length === 0 ? ID_TAG.exec(inside) : null;
    if (idTag) {
      readIdTag(line, idTag[1]!.toLowerCase(), idTag[2]!, header, diagnostics, tagFrom, tagTo);
      const after = line.text.slice(close + 1).trim();
      if (after !== '') diagnostics.push(lineDiagnostic(line, 'warning', `Text after the [${idTag[1]}:] tag is ignored`, tagTo, line.to));
      return null;
    }
    if (!TIME_LIKE.test(inside)) break;
    const time = readTagTime(inside);
    if (Number.isNaN(time.ms)) {
      diagnostics.push(lineDiagnostic(line, 'error', `Invalid time tag [${inside}]; it is ignored`, tagFrom, tagTo));
      invalidTags++;
    } else {
      if (time.problem) diagnostics.push(lineDiagnostic(line, 'warning', `Time tag: ${time.problem}`, tagFrom, tagTo));
      times.push(time.ms);
    }
    pos = close + 1;
    while (pos < line.text.length && (line.text[pos] === ' ' || line.text[pos] === '\t')) pos++;
  }

  if (times.length === 0) {
    if (invalidTags === 0) diagnostics.push(lineDiagnostic(line, 'warning', 'Line without a time tag; skipped'));
    return null;
  }
  // The same tag twice on a line means the line once, not a cue that repeats its text.
  const unique = [...new Set(times)];
  return { times: unique, ...readWords(line, pos, unique[0]!, diagnostics) };
}

function readIdTag(
  line: SourceLine,
  key: string,
  value: string,
  header: Header,
  diagnostics: Diagnostic[],
  from: number,
  to: number,
): void {
  if (key === 'offset') {
    const offset = /^\s*([+-]?\d+)\s*$/.exec(value);
    if (!offset) diagnostics.push(lineDiagnostic(line, 'warning', `Offset "${value.trim()}" is not a whole number of milliseconds; ignored`, from, to));
    else if (header.offset !== null) diagnostics.push(lineDiagnostic(line, 'warning', 'A second [offset:] tag; only the first is used', from, to));
    else header.offset = { ms: Number(offset[1]), line };
  } else if (key === 'length' && value.trim() !== '') {
    const length = readLength(value);
    if (Number.isNaN(length)) diagnostics.push(lineDiagnostic(line, 'warning', `Length "${value.trim()}" is not a time (m:ss); ignored`, from, to));
    else header.length = length;
  }
}

function read(text: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const header: Header = { offset: null, length: null };
  const entries: Entry[] = [];
  for (const line of iterateLines(text)) {
    const lyric = readLine(line, header, diagnostics);
    if (!lyric) continue;
    const owner = lyric.firstWordTime === null ? 0 : wordOwner(lyric.times, lyric.firstWordTime);
    lyric.times.forEach((time, k) => {
      const entry: Entry = { time, text: lyric.text };
      if (k === owner && lyric.words.length > 0) entry.words = lyric.words;
      entries.push(entry);
    });
  }

  const shift = header.offset?.ms ?? 0;
  if (header.offset && entries.some((e) => e.time - shift < 0)) {
    diagnostics.push(
      lineDiagnostic(header.offset.line, 'warning', 'This offset moves some lines before 0:00; they start at 0:00'),
    );
  }
  const at = (ms: number): number => Math.max(0, ms - shift);
  const timed = entries
    .map((entry) => ({ ...entry, time: at(entry.time), words: entry.words?.map((w) => shiftWord(w, at)) }))
    .sort((a, b) => a.time - b.time);

  const cues: CueData[] = [];
  let i = 0;
  while (i < timed.length) {
    const start = timed[i]!.time;
    let j = i;
    while (j < timed.length && timed[j]!.time === start) j++;
    const group = timed.slice(i, j).filter((e) => e.text !== '');
    if (group.length > 0) {
      const next = timed[j]?.time;
      const length = header.length !== null && header.length > start ? header.length : null;
      const end = next ?? length ?? start + LAST_CUE_DURATION;
      const cue: CueData = { start, end, text: group.map((e) => e.text).join('\n') };
      const words = group.flatMap((e) => e.words ?? []).map((w) => (w.end === null ? { ...w, end } : w));
      if (words.length > 0) cue.words = words;
      cues.push(cue);
    }
    i = j;
  }
  return { cues, diagnostics };
}

/** Word times are absolute, so they belong to the latest time tag not after the first word (else the first tag). */
function wordOwner(times: readonly number[], firstWordTime: number): number {
  let owner = -1;
  times.forEach((time, k) => {
    if (time <= firstWordTime && (owner < 0 || time >= times[owner]!)) owner = k;
  });
  return Math.max(owner, 0);
}

function shiftWord(word: Word, at: (ms: number) => number): Word {
  return { ...word, start: word.start === null ? null : at(word.start), end: word.end === null ? null : at(word.end) };
}

// ---------------------------------------------------------------------------- writing

/** LRC's resolution: times round to the nearest hundredth of a second. */
const toCentis = (ms: number): number => Math.round(Math.max(0, ms) / 10);
const CENTIS_PER_MINUTE = MS_PER_MINUTE / 10;

/** `mm:ss.xx`; minutes grow past 99 rather than wrap into hours. */
function formatTime(ms: number): string {
  const centis = toCentis(ms);
  const minutes = Math.floor(centis / CENTIS_PER_MINUTE);
  const seconds = Math.floor((centis % CENTIS_PER_MINUTE) / 100);
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String(centis % 100).padStart(2, '0')}`;
}

/**
 * The text with a `<mm:ss.xx>` tag before each word and after the last, or null when the
 * words cannot be placed (untimed words, or words not found in order in the text).
 */
function enhancedText(cue: CueData): string | null {
  const words = cue.words;
  if (!words || words.length === 0 || cue.text.includes('\n')) return null;
  let out = '';
  let pos = 0;
  for (const word of words) {
    const at = word.start === null || word.text === '' ? -1 : cue.text.indexOf(word.text, pos);
    if (at < 0) return null;
    out += cue.text.slice(pos, at) + `<${formatTime(word.start!)}>` + word.text;
    pos = at + word.text.length;
  }
  const last = words[words.length - 1]!;
  return out + (last.end === null ? '' : `<${formatTime(last.end)}>`) + cue.text.slice(pos);
}

function serialize(cues: readonly CueData[], options: SerializeOptions = {}): string {
  const eol = options.eol ?? '\n';
  // A line without text would read as the end of the cue before it, so such cues are left out.
  const sorted = cues.filter((cue) => cue.text.trim() !== '').sort((a, b) => a.start - b.start);
  const lines = ['[re:Cuesmith]'];
  sorted.forEach((cue, k) => {
    const tag = `[${formatTime(cue.start)}]`;
    const enhanced = enhancedText(cue);
    if (enhanced !== null) lines.push(tag + enhanced);
    else for (const textLine of cue.text.split('\n')) if (textLine.trim() !== '') lines.push(tag + textLine);
    const next = sorted[k + 1];
    const end = toCentis(cue.end);
    if (end > toCentis(cue.start) && (!next || end < toCentis(next.start))) lines.push(`[${formatTime(cue.end)}]`);
  });
  return lines.join(eol) + eol;
}

function detect(text: string, fileName?: string): number {
  const head = text.slice(0, 4096);
  if (/^\s*\[\d+:\d{1,2}(?:[.:]\d+)?\]/m.test(head)) return 0.9;
  if (/^\s*\[(?:ar|ti|al|au|by|re|ve|length|offset):/im.test(head)) return 0.5;
  return fileName?.toLowerCase().endsWith('.lrc') ? 0.3 : 0;
}

export const lrc: DataFormat = {
  kind: 'data',
  id: 'lrc',
  label: 'LRC lyrics',
  extensions: ['lrc'],
  detect,
  read,
  serialize,
};
