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

/**
 * All lines at once, for parsers that need look-ahead. Uses the native `indexOf` to find
 * breaks, which is an order of magnitude faster than walking characters in JavaScript.
 */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  // A lone "\r" (old Mac files) is rare; only then fall back to the character walk.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return Array.from(iterateLines(text));
  let from = 0;
  let number = 1;
  for (;;) {
    const newline = text.indexOf('\n', from);
    if (newline < 0) {
      lines.push({ number, from, to: text.length, text: text.slice(from) });
      return lines;
    }
    const to = newline > from && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    lines.push({ number, from, to, text: text.slice(from, to) });
    from = newline + 1;
    number++;
  }
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
