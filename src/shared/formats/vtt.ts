/**
 * WebVTT (.vtt). The parser follows the W3C "WebVTT parser algorithm" step by step —
 * signature, header, blocks, cue timings and settings, REGION and STYLE blocks, cue text —
 * so the cues the editor shows are the cues a browser would play; the web-platform-tests
 * corpus checks that. On top of the spec it keeps the source offset of every part, reports
 * each ignored block or setting as a diagnostic, and (unless `strict`) still reads the cues
 * of a file whose first line is not `WEBVTT`, so the user sees them while fixing it.
 *
 * Spec: https://www.w3.org/TR/webvtt1/#parsing
 */
import { decodeHTML } from 'entities';
import type { Cue, CueData, Diagnostic, Word } from '../cue';
import { formatHmsMillis, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from '../time';
import { lineTable, tableLine, type SourceLine } from '../text/lines';
import { lineDiagnostic } from './diagnostics';
import type { FormatContext, SerializeOptions, TextFormat } from './types';

export interface VttRegion {
  /** Property names and values as in the VTTRegion DOM interface. */
  id: string;
  width: number;
  lines: number;
  regionAnchorX: number;
  regionAnchorY: number;
  viewportAnchorX: number;
  viewportAnchorY: number;
  scroll: '' | 'up';
  /** The REGION block in the source. */
  from: number;
  to: number;
}

/** A cue with its parsed settings, named and valued as in the VTTCue DOM interface. */
export interface VttCue extends Cue {
  /** '' is horizontal. */
  vertical: '' | 'rl' | 'lr';
  line: 'auto' | number;
  lineAlign: 'start' | 'center' | 'end';
  snapToLines: boolean;
  position: 'auto' | number;
  positionAlign: 'line-left' | 'center' | 'line-right' | 'auto';
  size: number;
  align: 'start' | 'center' | 'end' | 'left' | 'right';
  /** One of the document's `regions` (the same object), or null. */
  region: VttRegion | null;
}

export interface VttDocument {
  cues: VttCue[];
  regions: VttRegion[];
  /** The CSS text of each STYLE block. */
  styles: string[];
  diagnostics: Diagnostic[];
  /** Set when the file is rejected (strict mode, bad signature); there are no cues then. */
  failed?: string;
}

export interface VttParseOptions {
  /**
   * Reject a file whose first line is not a WebVTT signature, as browsers do. By default the
   * blocks are still read (with an error on line 1), because an editor must show the cues.
   */
  strict?: boolean;
}

export type CueTextTag = 'c' | 'i' | 'b' | 'u' | 'ruby' | 'rt' | 'v' | 'lang';

export interface CueTextElement {
  type: 'element';
  name: CueTextTag;
  classes: string[];
  /** The voice name of `<v>` and the language of `<lang>` ('' when the tag has none). */
  annotation?: string;
  /** The applicable language: the innermost enclosing `<lang>` (or this one). */
  lang?: string;
  children: CueTextNode[];
}

export type CueTextNode = { type: 'text'; value: string } | CueTextElement | { type: 'timestamp'; ms: number };

const ARROW = '-->';
const NOT_WEBVTT = 'Not a WebVTT file: the first line must be WEBVTT';
// "WEBVTT" then a space, a tab, a line break or the end (tested on the first 7 characters).
const SIGNATURE = /^WEBVTT(?:[ \t\r\n]|$)/;
const COMMENT = /^NOTE(?:[ \t]|$)/;
const BLOCK_KEYWORD = /^(STYLE|REGION)[ \t\f]*$/;
const PERCENTAGE = /^\d+(?:\.\d+)?%$/;
const LINE_NUMBER = /^-?\d+(?:\.\d+)?$/;
const TIMESTAMP_TAG = /<\d+:\d{2}(?::\d{2})?\.\d{3}>/;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
// The spec's "ASCII whitespace": tab, LF, FF, CR, space.
const isAsciiWhitespace = (code: number): boolean =>
  code === 9 || code === 10 || code === 12 || code === 13 || code === 32;

function skipWhitespace(text: string, from: number): number {
  let pos = from;
  while (pos < text.length && isAsciiWhitespace(text.charCodeAt(pos))) pos++;
  return pos;
}

function trimAsciiWhitespace(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && isAsciiWhitespace(text.charCodeAt(from))) from++;
  while (to > from && isAsciiWhitespace(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

/** "Split a string on spaces", keeping where each token starts. */
function* tokensOf(text: string, from = 0): Generator<{ value: string; from: number }> {
  let pos = skipWhitespace(text, from);
  while (pos < text.length) {
    const start = pos;
    while (pos < text.length && !isAsciiWhitespace(text.charCodeAt(pos))) pos++;
    yield { value: text.slice(start, pos), from: start };
    pos = skipWhitespace(text, pos);
  }
}

const byteOrderMarkLength = (text: string): number => (text.charCodeAt(0) === 0xfeff ? 1 : 0);

function hasSignature(text: string): boolean {
  const start = byteOrderMarkLength(text);
  return SIGNATURE.test(text.slice(start, start + 7));
}

// ---------------------------------------------------------------------------------------
// Timestamps, timings, settings

type Collected = { ms: number; end: number } | { problem: string };

/** "Collect a WebVTT timestamp" at `from`: `[h…h:]mm:ss.ttt`. Problems read after "the start time". */
function collectTimestamp(input: string, from: number): Collected {
  let pos = from;
  const digits = (): string => {
    const start = pos;
    while (pos < input.length && isDigit(input.charCodeAt(pos))) pos++;
    return input.slice(start, pos);
  };
  const first = digits();
  if (first === '') return { problem: 'is missing or does not start with a digit' };
  // Two digits up to 59 are minutes; anything else must be hours.
  const startsWithHours = first.length !== 2 || Number(first) > 59;
  if (input[pos] !== ':') return { problem: 'needs ":" between hours, minutes and seconds' };
  pos++;
  const second = digits();
  if (second.length !== 2) return { problem: 'needs two-digit minutes and seconds' };
  let hours = 0;
  let minutes = Number(first);
  let seconds = Number(second);
  if (startsWithHours || input[pos] === ':') {
    if (input[pos] !== ':') return { problem: 'needs minutes and seconds after the hours' };
    pos++;
    const third = digits();
    if (third.length !== 2) return { problem: 'needs two-digit minutes and seconds' };
    hours = Number(first);
    minutes = Number(second);
    seconds = Number(third);
  }
  if (input[pos] !== '.') return { problem: 'needs "." and three digits of milliseconds' };
  pos++;
  const fraction = digits();
  if (fraction.length !== 3) return { problem: 'needs exactly three digits of milliseconds' };
  if (minutes > 59 || seconds > 59) return { problem: 'has minutes or seconds above 59' };
  return { ms: hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * MS_PER_SECOND + Number(fraction), end: pos };
}

interface Timing {
  start: number;
  end: number;
  /** Offsets within the line of the `start --> end` text; settings follow `to`. */
  from: number;
  to: number;
}

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** `HH:MM:SS.mmm` at `at` — what nearly every file has — or -1 for anything else. */
function canonicalTimestamp(text: string, at: number): number {
  const hours = twoDigits(text, at);
  const minutes = twoDigits(text, at + 3);
  const seconds = twoDigits(text, at + 6);
  const centis = twoDigits(text, at + 9);
  const millis = text.charCodeAt(at + 11) - 48;
  if (hours < 0 || minutes < 0 || seconds < 0 || centis < 0 || millis < 0 || millis > 9) return -1;
  if (minutes > 59 || seconds > 59) return -1;
  if (text.charCodeAt(at + 2) !== 58 || text.charCodeAt(at + 5) !== 58 || text.charCodeAt(at + 8) !== 46) return -1;
  // A thirteenth digit would make it another (invalid) timestamp: leave that to the full rules.
  if (isDigit(text.charCodeAt(at + 12))) return -1;
  return hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * MS_PER_SECOND + centis * 10 + millis;
}

/** The timing part of "collect WebVTT cue timings and settings". */
function parseTiming(text: string): Timing | { problem: string } {
  // The shape every writer uses, `HH:MM:SS.mmm --> HH:MM:SS.mmm`, read without allocating.
  if (text.charCodeAt(12) === 32 && text.charCodeAt(13) === 45 && text.charCodeAt(14) === 45 && text.charCodeAt(15) === 62 && text.charCodeAt(16) === 32) {
    const start = canonicalTimestamp(text, 0);
    const end = start < 0 ? -1 : canonicalTimestamp(text, 17);
    if (end >= 0) return { start, end, from: 0, to: 29 };
  }
  const from = skipWhitespace(text, 0);
  const start = collectTimestamp(text, from);
  if ('problem' in start) return { problem: `the start time ${start.problem}` };
  const arrow = skipWhitespace(text, start.end);
  if (!text.startsWith(ARROW, arrow)) return { problem: 'expected "-->" right after the start time' };
  const end = collectTimestamp(text, skipWhitespace(text, arrow + ARROW.length));
  if ('problem' in end) return { problem: `the end time ${end.problem}` };
  return { start: start.ms, end: end.ms, from, to: end.end };
}

/** "Parse a percentage string": 0–100, or null. */
function parsePercentage(text: string): number | null {
  if (!PERCENTAGE.test(text)) return null;
  const value = Number(text.slice(0, -1));
  return value <= 100 ? value : null;
}

/** The `line` position: a percentage or a (possibly negative) line number, or null. */
function parseLinePosition(text: string): number | null {
  if (text.endsWith('%')) return parsePercentage(text);
  if (!LINE_NUMBER.test(text)) return null;
  const value = Number(text);
  // HTML's float rules never give -0 and reject what overflows a double.
  return Number.isFinite(value) ? value + 0 : null;
}

/** Splits `name:value` at the first colon; null when there is none or it is first or last. */
function splitSetting(token: string): { name: string; value: string } | null {
  const colon = token.indexOf(':');
  if (colon <= 0 || colon === token.length - 1) return null;
  return { name: token.slice(0, colon), value: token.slice(colon + 1) };
}

function splitAtComma(value: string): [string, string | null] {
  const comma = value.indexOf(',');
  return comma < 0 ? [value, null] : [value.slice(0, comma), value.slice(comma + 1)];
}

/** Applies one cue setting the way the spec does; returns why it was ignored, if it was. */
function applyCueSetting(cue: VttCue, name: string, value: string, regions: ReadonlyMap<string, VttRegion>): string | null {
  switch (name) {
    case 'region': {
      cue.region = regions.get(value) ?? null;
      return cue.region ? null : `no REGION has the id "${value}"`;
    }
    case 'vertical': {
      const valid = value === 'rl' || value === 'lr';
      if (valid) cue.vertical = value;
      // There are no vertical regions.
      if (cue.vertical !== '') cue.region = null;
      return valid ? null : 'vertical must be rl or lr';
    }
    case 'line': {
      const [position, alignment] = splitAtComma(value);
      const line = parseLinePosition(position);
      if (line === null) return 'expected a line number or a percentage from 0% to 100%';
      if (alignment !== null) {
        if (alignment !== 'start' && alignment !== 'center' && alignment !== 'end') {
          return 'the line alignment must be start, center or end';
        }
        cue.lineAlign = alignment;
      }
      cue.line = line;
      cue.snapToLines = !position.endsWith('%');
      // An explicitly positioned cue drops out of its region.
      cue.region = null;
      return null;
    }
    case 'position': {
      const [position, alignment] = splitAtComma(value);
      const percentage = parsePercentage(position);
      if (percentage === null) return 'expected a percentage from 0% to 100%';
      if (alignment !== null) {
        if (alignment !== 'line-left' && alignment !== 'center' && alignment !== 'line-right') {
          return 'the position alignment must be line-left, center or line-right';
        }
        cue.positionAlign = alignment;
      }
      cue.position = percentage;
      return null;
    }
    case 'size': {
      const percentage = parsePercentage(value);
      if (percentage === null) return 'expected a percentage from 0% to 100%';
      cue.size = percentage;
      // An explicitly sized cue drops out of its region.
      if (percentage !== 100) cue.region = null;
      return null;
    }
    case 'align': {
      if (value !== 'start' && value !== 'center' && value !== 'end' && value !== 'left' && value !== 'right') {
        return 'align must be start, center, end, left or right';
      }
      cue.align = value;
      return null;
    }
    default:
      return `unknown setting "${name}"`;
  }
}

/** Applies one REGION setting; returns why it was ignored, if it was. */
function applyRegionSetting(region: VttRegion, name: string, value: string): string | null {
  switch (name) {
    case 'id':
      region.id = value;
      return null;
    case 'width': {
      const percentage = parsePercentage(value);
      if (percentage === null) return 'expected a percentage from 0% to 100%';
      region.width = percentage;
      return null;
    }
    case 'lines':
      if (!/^\d+$/.test(value)) return 'expected a whole number of lines';
      region.lines = Number(value);
      return null;
    case 'regionanchor':
    case 'viewportanchor': {
      const [x, y] = splitAtComma(value);
      const anchorX = parsePercentage(x);
      const anchorY = y === null ? null : parsePercentage(y);
      if (anchorX === null || anchorY === null) return 'expected two percentages, like 0%,100%';
      if (name === 'regionanchor') {
        region.regionAnchorX = anchorX;
        region.regionAnchorY = anchorY;
      } else {
        region.viewportAnchorX = anchorX;
        region.viewportAnchorY = anchorY;
      }
      return null;
    }
    case 'scroll':
      if (value !== 'up') return 'scroll must be up';
      region.scroll = 'up';
      return null;
    default:
      return `unknown setting "${name}"`;
  }
}

// ---------------------------------------------------------------------------------------
// Cue text

type Token =
  | { type: 'string'; value: string }
  | { type: 'start'; name: string; classes: string[]; annotation?: string }
  | { type: 'end'; name: string }
  | { type: 'timestamp'; value: string };

const LESS_THAN = 60;
const GREATER_THAN = 62;
const SOLIDUS = 47;
const FULL_STOP = 46;
// Where a start tag's name or class ends: tab, LF, FF, space, "." or ">".
const isTagDelimiter = (code: number): boolean =>
  code === 9 || code === 10 || code === 12 || code === 32 || code === FULL_STOP || code === GREATER_THAN;

/** Up to the next ">" (consumed) or the end. */
function untilGreaterThan(input: string, from: number): { value: string; next: number } {
  const close = input.indexOf('>', from);
  return close < 0 ? { value: input.slice(from), next: input.length } : { value: input.slice(from, close), next: close + 1 };
}

/**
 * The "WebVTT cue text tokenizer": the token at `from` and where the next one starts.
 * Character references never contain "<" or ">", so decoding a whole run of text (or an
 * annotation) at once gives what the spec's character-by-character states give.
 */
function readToken(input: string, from: number): [Token, number] {
  if (input.charCodeAt(from) !== LESS_THAN) {
    const lessThan = input.indexOf('<', from);
    const end = lessThan < 0 ? input.length : lessThan;
    return [{ type: 'string', value: decodeHTML(input.slice(from, end)) }, end];
  }
  let pos = from + 1;
  const first = input.charCodeAt(pos);
  if (first === SOLIDUS) {
    const { value, next } = untilGreaterThan(input, pos + 1);
    return [{ type: 'end', name: value }, next];
  }
  if (isDigit(first)) {
    const { value, next } = untilGreaterThan(input, pos);
    return [{ type: 'timestamp', value }, next];
  }
  const nameStart = pos;
  while (pos < input.length && !isTagDelimiter(input.charCodeAt(pos))) pos++;
  const token: Token = { type: 'start', name: input.slice(nameStart, pos), classes: [] };
  if (input.charCodeAt(pos) === FULL_STOP) {
    let classStart = ++pos;
    for (; pos < input.length; pos++) {
      const code = input.charCodeAt(pos);
      if (code === FULL_STOP) {
        token.classes.push(input.slice(classStart, pos));
        classStart = pos + 1;
      } else if (isTagDelimiter(code)) break;
    }
    token.classes.push(input.slice(classStart, pos));
  }
  if (pos >= input.length) return [token, pos];
  if (input.charCodeAt(pos) === GREATER_THAN) return [token, pos + 1];
  // Whitespace: the rest up to ">" is the annotation, trimmed, with whitespace runs collapsed.
  const { value, next } = untilGreaterThan(input, pos);
  token.annotation = decodeHTML(value).replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, '');
  return [token, next];
}

const TAG_NAMES: ReadonlySet<string> = new Set<CueTextTag>(['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang']);
const isTagName = (name: string): name is CueTextTag => TAG_NAMES.has(name);

/**
 * The "WebVTT cue text parsing rules": cue text (tags, classes, voice and language
 * annotations, character references, inline timestamps) to a tree of nodes. Never throws;
 * linear in the text's length. The tree is as deep as the tags are nested.
 */
export function parseCueText(text: string): CueTextNode[] {
  const root: CueTextNode[] = [];
  const open: CueTextElement[] = [];
  const languages: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const [token, next] = readToken(text, pos);
    pos = next;
    const current = open[open.length - 1];
    const children = current ? current.children : root;
    if (token.type === 'string') {
      children.push({ type: 'text', value: token.value });
    } else if (token.type === 'timestamp') {
      const time = collectTimestamp(token.value, 0);
      if ('ms' in time && time.end === token.value.length) children.push({ type: 'timestamp', ms: time.ms });
    } else if (token.type === 'start') {
      if (!isTagName(token.name) || (token.name === 'rt' && current?.name !== 'ruby')) continue;
      if (token.name === 'lang') languages.push(token.annotation ?? '');
      const element: CueTextElement = { type: 'element', name: token.name, classes: token.classes.filter((c) => c !== ''), children: [] };
      if (token.name === 'v' || token.name === 'lang') element.annotation = token.annotation ?? '';
      if (languages.length > 0) element.lang = languages[languages.length - 1];
      children.push(element);
      open.push(element);
    } else if (current?.name === token.name) {
      open.pop();
      if (token.name === 'lang') languages.pop();
    } else if (token.name === 'ruby' && current?.name === 'rt') {
      // Closing the ruby closes its ruby text too.
      open.length -= 2;
    }
  }
  return root;
}

/**
 * Word timings from inline timestamps: the text before the first timestamp starts at the
 * cue start, each timestamp starts the next word, and a word ends where the next one
 * begins (the last at the cue end). Undefined when the text has no timestamp.
 */
function wordsFromCueText(text: string, start: number, end: number): Word[] | undefined {
  const segments = [{ start, text: '' }];
  // Walk the tree in document order without recursion: nesting depth is unbounded.
  const pending = parseCueText(text).reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'text') segments[segments.length - 1]!.text += node.value;
    else if (node.type === 'timestamp') segments.push({ start: node.ms, text: '' });
    else for (let k = node.children.length - 1; k >= 0; k--) pending.push(node.children[k]!);
  }
  if (segments.length === 1) return undefined;
  const words: Word[] = [];
  segments.forEach((segment, index) => {
    const wordText = segment.text.trim();
    if (wordText !== '') words.push({ start: segment.start, end: segments[index + 1]?.start ?? end, text: wordText });
  });
  return words;
}

// ---------------------------------------------------------------------------------------
// File parsing

/**
 * Parses a WebVTT file into cues (with source offsets and parsed settings), regions, style
 * sheets and diagnostics. Never throws; linear in the text's length.
 */
export function parseVttDocument(source: string, options: VttParseOptions = {}): VttDocument {
  return readVtt(source, options, null);
}

/**
 * The parser. With `headRegions` the text is a fragment that starts where a cue starts, after
 * a head that defined those regions: there is no signature or header to read, and STYLE and
 * REGION blocks are no longer allowed (the spec's "seen cue" is already set).
 */
function readVtt(source: string, options: VttParseOptions, headRegions: readonly VttRegion[] | null): VttDocument {
  // NUL becomes U+FFFD as the spec says; one character for one, so offsets hold.
  const text = source.includes('\0') ? source.replace(/\0/g, '\uFFFD') : source;
  // Lines as offsets only: a SourceLine object is made just for the lines a cue or a
  // diagnostic needs, which keeps a 100,000-cue file from allocating one per line.
  const table = lineTable(text, byteOrderMarkLength(text));
  const { starts, ends } = table;
  // After a final line break (or in an empty text) the table has an empty last line
  // that the spec never reads.
  const count = table.count > 0 && starts[table.count - 1] === ends[table.count - 1] ? table.count - 1 : table.count;
  const line = (k: number): SourceLine => tableLine(text, table, k);
  const isEmpty = (k: number): boolean => starts[k] === ends[k];
  const hasArrow = new Uint8Array(count);
  for (let k = 0, at = text.indexOf(ARROW); at >= 0 && k < count; at = text.indexOf(ARROW, at + 1)) {
    while (k < count && ends[k]! < at + ARROW.length) k++;
    if (k < count && at >= starts[k]!) hasArrow[k] = 1;
  }

  const result: VttDocument = { cues: [], regions: [], styles: [], diagnostics: [] };
  const { diagnostics } = result;
  // A cue's "region:" names the last region with that id.
  const regionsById = new Map(headRegions?.map((region): [string, VttRegion] => [region.id, region]));
  let seenCue = headRegions !== null;
  let i = 0;

  const skipBlankLines = (): void => {
    while (i < count && isEmpty(i)) i++;
  };
  const linesOf = (from: number, to: number): SourceLine[] => Array.from({ length: to - from }, (_, k) => line(from + k));

  /** "Collect a WebVTT block" from line `i`; leaves `i` at the first line after it. */
  const collectBlock = (inHeader: boolean): void => {
    const first = i;
    let end = first; // one past the block's last line
    let timingIndex = -1;
    let contentFrom = first; // the first line of the block's "buffer"
    let keyword: 'STYLE' | 'REGION' | null = null;
    let unseparated = -1;
    for (let lineCount = 1; i < count; lineCount++) {
      if (hasArrow[i]) {
        // A timing line may only be the first or second line (after an identifier);
        // anywhere else it ends this block and starts the next.
        if (inHeader || !(lineCount === 1 || (lineCount === 2 && timingIndex < 0))) {
          unseparated = i;
          break;
        }
        timingIndex = i;
        end = contentFrom = ++i;
        continue;
      }
      if (isEmpty(i)) {
        i++;
        break;
      }
      if (!inHeader && lineCount === 2 && timingIndex < 0 && !seenCue) {
        keyword = (BLOCK_KEYWORD.exec(line(first).text)?.[1] as 'STYLE' | 'REGION' | undefined) ?? null;
        if (keyword) contentFrom = i;
      }
      end = ++i;
    }
    if (!inHeader) {
      if (timingIndex >= 0) finishCue(first, timingIndex, contentFrom, end);
      else if (keyword === 'STYLE') result.styles.push(joinedRange(contentFrom, end));
      else if (keyword === 'REGION') addRegion(line(first), linesOf(contentFrom, end));
      else reportIgnoredBlock(linesOf(first, end));
    }
    if (unseparated >= 0) {
      diagnostics.push(lineDiagnostic(line(unseparated), 'info', 'No blank line before this line: a line with "-->" always starts a new cue'));
    }
  };

  /** Lines [from, to) joined with "\n", sliced from the source in one piece. */
  const joinedRange = (from: number, to: number): string => {
    if (from >= to) return '';
    const raw = text.slice(starts[from], ends[to - 1]);
    return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  };

  const finishCue = (first: number, timingIndex: number, textFrom: number, textEnd: number): void => {
    const timingLine = line(timingIndex);
    const timing = parseTiming(timingLine.text);
    if ('problem' in timing) {
      diagnostics.push(lineDiagnostic(timingLine, 'error', `Invalid cue timing: ${timing.problem}; this cue is ignored`));
      return;
    }
    seenCue = true;
    const hasText = textFrom < textEnd;
    const cue: VttCue = {
      start: timing.start,
      end: timing.end,
      text: joinedRange(textFrom, textEnd),
      from: starts[first]!,
      to: hasText ? ends[textEnd - 1]! : timingLine.to,
      timingFrom: timingLine.from + timing.from,
      timingTo: timingLine.from + timing.to,
      textFrom: hasText ? starts[textFrom]! : timingLine.to,
      textTo: hasText ? ends[textEnd - 1]! : timingLine.to,
      // The spec's defaults.
      vertical: '',
      line: 'auto',
      lineAlign: 'start',
      snapToLines: true,
      position: 'auto',
      positionAlign: 'auto',
      size: 100,
      align: 'center',
      region: null,
    };
    if (first !== timingIndex) {
      const firstLine = line(first);
      cue.identifier = firstLine.text;
      if (COMMENT.test(firstLine.text)) {
        diagnostics.push(lineDiagnostic(firstLine, 'warning', 'This NOTE is read as a cue because the next line contains "-->"; a comment must not contain "-->"'));
      }
    }
    const settings = trimAsciiWhitespace(timingLine.text.slice(timing.to));
    if (settings !== '') cue.settings = settings;
    for (const token of settings === '' ? [] : tokensOf(timingLine.text, timing.to)) {
      const setting = splitSetting(token.value);
      const problem = setting ? applyCueSetting(cue, setting.name, setting.value, regionsById) : 'expected name:value';
      if (problem) {
        const from = timingLine.from + token.from;
        diagnostics.push(lineDiagnostic(timingLine, 'warning', `Ignored cue setting "${token.value}": ${problem}`, from, from + token.value.length));
      }
    }
    if (cue.end < cue.start) {
      diagnostics.push(lineDiagnostic(timingLine, 'warning', 'Cue ends before it starts', cue.timingFrom, cue.timingTo));
    }
    // Only "<" followed by a digit can start a timestamp: skip the cue text parser otherwise.
    if (/<\d/.test(cue.text)) {
      const words = wordsFromCueText(cue.text, cue.start, cue.end);
      if (words && words.length > 0) cue.words = words;
    }
    result.cues.push(cue);
  };

  const addRegion = (header: SourceLine, settingLines: SourceLine[]): void => {
    const last = settingLines[settingLines.length - 1] ?? header;
    const region: VttRegion = {
      id: '',
      width: 100,
      lines: 3,
      regionAnchorX: 0,
      regionAnchorY: 100,
      viewportAnchorX: 0,
      viewportAnchorY: 100,
      scroll: '',
      from: header.from,
      to: last.to,
    };
    const problems: Diagnostic[] = [];
    // Settings never span lines, so reading them line by line equals splitting the joined text.
    for (const line of settingLines) {
      for (const token of tokensOf(line.text)) {
        const setting = splitSetting(token.value);
        const problem = setting ? applyRegionSetting(region, setting.name, setting.value) : 'expected name:value';
        if (problem) {
          const from = line.from + token.from;
          problems.push(lineDiagnostic(line, 'warning', `Ignored region setting "${token.value}": ${problem}`, from, from + token.value.length));
        }
      }
    }
    if (region.id === '') {
      diagnostics.push(lineDiagnostic(header, 'warning', 'This REGION has no id, so no cue can use it'));
    }
    diagnostics.push(...problems);
    result.regions.push(region);
    regionsById.set(region.id, region);
  };

  const reportIgnoredBlock = (block: SourceLine[]): void => {
    const head = block[0]!;
    if (COMMENT.test(head.text)) return;
    const keyword = BLOCK_KEYWORD.exec(head.text)?.[1];
    // A time code at the start of the first or second line: a timing with a mistyped arrow.
    const looksTimed = block.slice(0, 2).some((line) => 'ms' in collectTimestamp(line.text, skipWhitespace(line.text, 0)));
    const message = keyword
      ? seenCue
        ? `${keyword} blocks must come before the first cue; this one is ignored`
        : `Empty ${keyword} block is ignored`
      : looksTimed
        ? 'This looks like a cue, but its timing has no "-->" between the times; it is ignored'
        : 'Text outside any cue is ignored (a blank line ends a cue; a cue starts with a timing line)';
    diagnostics.push(lineDiagnostic(head, 'warning', message, head.from, block[block.length - 1]!.to));
  };

  // The signature line and the header.
  let hasHeader = headRegions === null;
  if (hasHeader && !hasSignature(text)) {
    const firstLine = count > 0 ? line(0) : { number: 1, from: text.length, to: text.length, text: '' };
    diagnostics.push(lineDiagnostic(firstLine, 'error', NOT_WEBVTT));
    if (options.strict) return { ...result, failed: NOT_WEBVTT };
    // Leniency: if a timing comes within the first two lines the header is missing
    // altogether; otherwise the first line stands where the signature should be.
    hasHeader = !(hasArrow[0] || hasArrow[1]);
  }
  if (hasHeader) {
    i = 1;
    if (i < count) {
      if (!isEmpty(i)) collectBlock(true);
      else i++;
    }
  }
  skipBlankLines();
  while (i < count) {
    collectBlock(false);
    skipBlankLines();
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Writing

function formatTiming(start: number, end: number): string {
  return `${formatHmsMillis(start)} --> ${formatHmsMillis(end)}`;
}

/** Marks every character that stands inside a `<…>` tag. */
function insideTags(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let open = false;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === LESS_THAN) open = true;
    mask[k] = open ? 1 : 0;
    if (code === GREATER_THAN) open = false;
  }
  return mask;
}

/**
 * Cue text with an inline timestamp before each timed word after the first, so word
 * timings (from Whisper, say) ride along in the file. Words are found in order, outside
 * tags; a word that cannot be found (the text was edited) gets no timestamp.
 */
function textWithWordTimestamps(cue: CueData): string {
  const words = cue.words;
  if (!words || words.length < 2 || TIMESTAMP_TAG.test(cue.text)) return cue.text;
  const tagged = insideTags(cue.text);
  let result = '';
  let cursor = 0;
  words.forEach((word, index) => {
    const needle = word.text.trim();
    if (needle === '') return;
    let at = cue.text.indexOf(needle, cursor);
    while (at >= 0 && tagged[at] === 1) at = cue.text.indexOf(needle, at + 1);
    if (at < 0) return;
    result += cue.text.slice(cursor, at);
    if (index > 0 && word.start !== null) result += `<${formatHmsMillis(word.start)}>`;
    result += needle;
    cursor = at + needle.length;
  });
  return result + cue.text.slice(cursor);
}

/**
 * Cue text lines that cannot break the file. An empty line would end the cue (the rest
 * would be dropped as stray text), so empty lines are left out: WebVTT cannot hold a blank
 * line inside a cue. A line with "-->" would start a new cue, so its ">" is written as the
 * character reference "&gt;", which players show as ">".
 */
function safeTextLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line !== '')
    .map((line) => line.replaceAll(ARROW, '--&gt;'));
}

/**
 * An identifier is one line without "-->" (it would be read as a timing, and cue text's
 * character references do not apply to identifiers): line breaks become spaces and any
 * run of dashes before ">" becomes a single one.
 */
const safeIdentifier = (identifier: string): string => identifier.replace(/\r\n|\r|\n/g, ' ').replace(/-{2,}>/g, '->');

/** One cue block with `eol` line breaks, as `serialize` writes it (without the break after it). */
function block(cue: CueData, eol: string): string {
  const lines: string[] = [];
  const identifier = safeIdentifier(cue.identifier ?? '');
  if (identifier !== '') lines.push(identifier);
  const settings = trimAsciiWhitespace((cue.settings ?? '').replace(/[\r\n]+/g, ' '));
  lines.push(formatTiming(cue.start, cue.end) + (settings === '' ? '' : ` ${settings}`));
  lines.push(...safeTextLines(textWithWordTimestamps(cue)));
  return lines.join(eol);
}

function serialize(cues: readonly CueData[], options: SerializeOptions = {}): string {
  const eol = options.eol ?? '\n';
  return [`WEBVTT${eol}`, ...cues.map((cue) => block(cue, eol) + eol)].join(eol);
}

// ---------------------------------------------------------------------------------------
// Incremental reading

/**
 * What the head (the text before the first cue) establishes for the cues after it: only
 * the regions its REGION blocks define, which cue settings name. Whether it has a signature
 * changes nothing after the first cue, and STYLE blocks are style sheets, not cue data.
 */
function readContext(head: string): FormatContext {
  return { format: 'vtt', regions: parseVttDocument(head).regions };
}

function regionsOf(context: FormatContext): readonly VttRegion[] {
  const regions = context.format === 'vtt' ? context.regions : undefined;
  return Array.isArray(regions) ? (regions as VttRegion[]) : [];
}

function detect(text: string, fileName?: string): number {
  if (hasSignature(text)) return 1;
  return fileName?.toLowerCase().endsWith('.vtt') ? 0.5 : 0;
}

export const vtt: TextFormat = {
  kind: 'text',
  id: 'vtt',
  label: 'WebVTT',
  extensions: ['vtt'],
  detect,
  parse(text) {
    const { cues, diagnostics } = parseVttDocument(text);
    return { cues, diagnostics };
  },
  serialize,
  formatTiming,
  formatBlock: (cue) => block(cue, '\n'),
  blockSeparator: '\n\n',
  readContext,
  parseFragment(fragment, context) {
    const { cues, diagnostics } = readVtt(fragment, {}, regionsOf(context));
    return { cues, diagnostics };
  },
};
