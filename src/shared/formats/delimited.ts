/**
 * Rows of delimited text with the source offset of every field, for the TSV and CSV
 * readers. CSV follows RFC 4180 (quoted fields with commas, doubled quotes and line breaks;
 * CRLF, LF or CR rows) and is lenient where files are not: text after a closing quote is
 * kept, and a quote that is never closed is read as ordinary text to the end of its line.
 * Blank lines are not rows.
 */
import { iterateLines } from '../text/lines';
import type { OffsetDiagnostics } from './offset-diagnostics';

export interface Field {
  /** The value: unquoted, `""` undone, line breaks inside quotes as "\n". */
  value: string;
  /** Offset of the field's first character in the source (its opening quote, if quoted). */
  from: number;
}

export type Row = Field[];

const BOM = 0xfeff;

/** Tab-separated rows (no quoting, as openai-whisper writes them). */
export function readTsvRows(text: string): Row[] {
  const rows: Row[] = [];
  for (const line of iterateLines(text, text.charCodeAt(0) === BOM ? 1 : 0)) {
    if (line.text.trim() === '') continue;
    const row: Row = [];
    let from = line.from;
    for (const value of line.text.split('\t')) {
      row.push({ value, from });
      from += value.length + 1;
    }
    rows.push(row);
  }
  return rows;
}

const isLineBreak = (c: number): boolean => c === 10 || c === 13;

/** Comma-separated rows per RFC 4180, leniently; problems go to `diagnostics`. */
export function readCsvRows(text: string, diagnostics: OffsetDiagnostics): Row[] {
  const rows: Row[] = [];
  let row: Row = [];
  let pos = text.charCodeAt(0) === BOM ? 1 : 0;

  const skipLineBreak = (): void => {
    if (text.charCodeAt(pos) === 13 && text.charCodeAt(pos + 1) === 10) pos += 2;
    else pos++;
  };
  const endRow = (): void => {
    if (!(row.length === 1 && row[0]!.value.trim() === '')) rows.push(row);
    row = [];
  };
  /** An unquoted value from `pos` to the next comma or line break. */
  const readPlain = (): string => {
    const from = pos;
    while (pos < text.length && text[pos] !== ',' && !isLineBreak(text.charCodeAt(pos))) pos++;
    return text.slice(from, pos);
  };

  while (pos <= text.length) {
    const from = pos;
    let value: string;
    if (text[pos] === '"') {
      let closed = -1;
      let scan = pos + 1;
      const parts: string[] = [];
      while (scan < text.length) {
        const quote = text.indexOf('"', scan);
        if (quote < 0) break;
        parts.push(text.slice(scan, quote));
        if (text[quote + 1] === '"') {
          parts.push('"');
          scan = quote + 2;
        } else {
          closed = quote;
          break;
        }
      }
      const quotedEnd = closed + 1;
      pos = closed < 0 ? from : quotedEnd;
      const rest = closed < 0 ? '' : readPlain();
      const quoted = parts.join('');
      // A quote "closed" only after a line break and followed by more text was never
      // really closed: it swallowed the next rows. Read it as plain text instead.
      if (closed < 0 || (rest !== '' && /[\r\n]/.test(quoted))) {
        diagnostics.add(from, 'warning', 'A quoted field is never closed; read as plain text to the end of its line');
        pos = from;
        value = readPlain();
      } else {
        value = quoted.replace(/\r\n?/g, '\n');
        if (rest !== '') {
          diagnostics.add(quotedEnd, 'warning', 'Text after a closing quote; kept as part of the field');
          value += rest;
        }
      }
    } else {
      value = readPlain();
    }
    row.push({ value, from });
    if (pos >= text.length) {
      endRow();
      break;
    }
    if (text[pos] === ',') pos++;
    else {
      skipLineBreak();
      endRow();
    }
  }
  return rows;
}
