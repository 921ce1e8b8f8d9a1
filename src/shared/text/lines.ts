/**
 * Line scanning that keeps offsets. Parsers walk the text once, line by line, so they
 * run in linear time and can report 1-based line numbers and exact source offsets.
 * "\r\n", "\n" and a lone "\r" all end a line.
 */

export interface SourceLine {
  /** 1-based line number. */
  number: number;
  /** Offset of the first character. */
  from: number;
  /** Offset just past the last character, before the line break. */
  to: number;
  /** The line's text without its line break. */
  text: string;
}

export function* iterateLines(text: string, startOffset = 0, startLine = 1): Generator<SourceLine> {
  let from = startOffset;
  let number = startLine;
  const length = text.length;
  while (from <= length) {
    let to = from;
    while (to < length) {
      const c = text.charCodeAt(to);
      if (c === 10 || c === 13) break;
      to++;
    }
    yield { number, from, to, text: text.slice(from, to) };
    if (to >= length) return;
    // Skip the break: "\r\n" counts once.
    from = text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10 ? to + 2 : to + 1;
    number++;
  }
}

/** All lines at once, for parsers that need look-ahead. */
export function splitLines(text: string, startOffset = 0): SourceLine[] {
  const table = lineTable(text, startOffset);
  const lines: SourceLine[] = new Array(table.count);
  for (let i = 0; i < table.count; i++) lines[i] = tableLine(text, table, i);
  return lines;
}

/**
 * Line boundaries without a string or object per line: the fastest way for a parser to
 * walk a 100,000-cue file. `starts[i]`/`ends[i]` bound line i (0-based), break excluded.
 */
export interface LineTable {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}

/** Lines from `startOffset` on (a byte-order mark before it is not part of line 1). */
export function lineTable(text: string, startOffset = 0): LineTable {
  if (text.includes('\r') && /\r(?!\n)/.test(text)) {
    // A lone "\r" (old Mac files) is rare; only then walk characters.
    const lines = Array.from(iterateLines(text, startOffset));
    return {
      count: lines.length,
      starts: Int32Array.from(lines, (l) => l.from),
      ends: Int32Array.from(lines, (l) => l.to),
    };
  }
  // Counting first lets the tables be typed arrays: filling them is far cheaper than
  // growing JavaScript arrays line by line.
  let count = 1;
  for (let at = text.indexOf('\n', startOffset); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let from = startOffset;
  for (let i = 0; i < count; i++) {
    const newline = i + 1 < count ? text.indexOf('\n', from) : text.length;
    starts[i] = from;
    ends[i] = newline > from && text.charCodeAt(newline - 1) === 13 && newline < text.length ? newline - 1 : newline;
    from = newline + 1;
  }
  return { count, starts, ends };
}

/** Line i of a table as a SourceLine (for diagnostics and the rare slow paths). */
export function tableLine(text: string, table: LineTable, i: number): SourceLine {
  const from = table.starts[i]!;
  const to = table.ends[i]!;
  return { number: i + 1, from, to, text: text.slice(from, to) };
}

/** Whether text[from, to) holds only whitespace, without allocating. */
export function isBlankRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0xfeff && c !== 0x3000 && !(c >= 0x2000 && c <= 0x200a)) return false;
  }
  return true;
}

/**
 * Maps offsets to line/column with a precomputed table; O(log n) per lookup.
 * Used where a diagnostic's offset is known before its line is.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        this.starts.push(i + 2);
        i++;
      } else if (c === 10 || c === 13) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

export type LineEnding = 'lf' | 'crlf' | 'cr';

/** The dominant line ending of a text (LF when there is none). */
export function detectLineEnding(text: string): { style: LineEnding; mixed: boolean } {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = [lf, crlf, cr].filter((n) => n > 0).length;
  const style: LineEnding = crlf > lf && crlf >= cr ? 'crlf' : cr > lf && cr > crlf ? 'cr' : 'lf';
  return { style, mixed: kinds > 1 };
}

export const EOL: Record<LineEnding, string> = { lf: '\n', crlf: '\r\n', cr: '\r' };
