/**
 * Bytes → text and back, remembering everything needed to write the same bytes again:
 * encoding, byte-order mark and line-ending style.
 *
 * BOMs and UTF-8 validity decide first; only then do we guess, with chardet (a maintained
 * detector), and decode with iconv-lite — Node 20's TextDecoder decodes windows-1252's
 * 0x80–0x9F as control characters.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { detectLineEnding, type LineEnding } from '../../shared/text/lines';

export interface DecodedText {
  text: string;
  /** iconv-lite encoding name we will write with. */
  encoding: string;
  bom: boolean;
  lineEnding: LineEnding;
  /** Human-readable notes (a guessed encoding, replaced bytes …). */
  notices: string[];
}

export class UnreadableFileError extends Error {}

const BOMS: { bytes: number[]; encoding: string }[] = [
  // UTF-32 before UTF-16: FF FE 00 00 starts with the UTF-16LE mark.
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return null;
}

/** UTF-16 without a BOM shows as NULs in every other byte of ASCII-heavy text. */
function unmarkedUtf16(bytes: Uint8Array): string | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab, CR, LF, FF; a text file has (almost) none. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > sample * 0.02;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Counts valid multi-byte UTF-8 sequences and invalid bytes, to tell damaged UTF-8 from a legacy code page. */
function utf8Evidence(bytes: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b <= 0xdf ? 1 : -1;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

function finish(text: string, encoding: string, bom: boolean, notices: string[]): DecodedText {
  const { style, mixed } = detectLineEnding(text);
  if (mixed) notices.push(`Mixed line endings; saving will use ${style.toUpperCase()} throughout.`);
  return { text, encoding, bom, lineEnding: style, notices };
}

/**
 * Decodes a file's bytes. `name` is only for messages. Throws UnreadableFileError with a
 * message naming the file when the bytes are not text.
 */
export function decodeText(bytes: Uint8Array, name: string, forcedEncoding?: string): DecodedText {
  const notices: string[] = [];
  const bom = bomOf(bytes);
  if (forcedEncoding) {
    if (!iconv.encodingExists(forcedEncoding)) {
      throw new UnreadableFileError(`Unknown encoding "${forcedEncoding}" for ${name}.`);
    }
    const body = bom ? bytes.subarray(bom.length) : bytes;
    return finish(iconv.decode(Buffer.from(body), forcedEncoding, { stripBOM: false }), forcedEncoding, !!bom, notices);
  }
  if (bom) {
    const body = bytes.subarray(bom.length);
    return finish(iconv.decode(Buffer.from(body), bom.encoding, { stripBOM: false }), bom.encoding, true, notices);
  }
  const utf16 = unmarkedUtf16(bytes);
  if (utf16) {
    notices.push(`${name} has no byte-order mark; read as ${utf16.toUpperCase()}.`);
    return finish(iconv.decode(Buffer.from(bytes), utf16, { stripBOM: false }), utf16, false, notices);
  }
  if (looksBinary(bytes)) {
    throw new UnreadableFileError(`${name} looks like a binary file, not a transcript or subtitle file.`);
  }
  try {
    return finish(utf8Strict.decode(bytes), 'utf-8', false, notices);
  } catch {
    // Not valid UTF-8: damaged UTF-8, or a legacy code page.
  }
  const evidence = utf8Evidence(bytes);
  if (evidence.multibyte > 0 && evidence.invalid <= Math.max(2, evidence.multibyte / 10)) {
    const text = utf8Lenient.decode(bytes);
    notices.push(`${name} is UTF-8 with ${evidence.invalid} invalid byte(s), shown as � on ${describeLines(replacementLines(text))}.`);
    return finish(text, 'utf-8', false, notices);
  }
  const guess = normaliseGuess(chardet.detect(bytes));
  notices.push(`${name} is not UTF-8; read as ${guess} (a guess — reopen with another encoding if the text looks wrong).`);
  return finish(iconv.decode(Buffer.from(bytes), guess, { stripBOM: false }), guess, false, notices);
}

/** 1-based numbers of the lines holding U+FFFD. */
function replacementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 0xfffd && lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

function describeLines(lines: readonly number[]): string {
  const shown = lines.slice(0, 5).join(', ');
  const more = lines.length > 5 ? ` and ${lines.length - 5} more` : '';
  return lines.length === 1 ? `line ${shown}` : `lines ${shown}${more}`;
}

/** chardet names → iconv-lite names; anything unknown falls back to windows-1252, the usual culprit. */
function normaliseGuess(name: string | null): string {
  if (!name) return 'windows-1252';
  const lower = name.toLowerCase();
  if (lower === 'iso-8859-1') return 'windows-1252'; // a superset in practice: 0x80–0x9F are punctuation in real files
  if (lower === 'utf-8') return 'windows-1252';
  return iconv.encodingExists(lower) ? lower : 'windows-1252';
}

/** The bytes to write for `text` (with "\n" line breaks) in the document's original style. */
export function encodeText(text: string, encoding: string, bom: boolean, lineEnding: LineEnding): Uint8Array {
  const eol = lineEnding === 'crlf' ? '\r\n' : lineEnding === 'cr' ? '\r' : '\n';
  const withBreaks = eol === '\n' ? text : text.replace(/\r\n|\r|\n/g, eol);
  // Prepending U+FEFF writes the right mark for every Unicode encoding (UTF-8/16/32, LE/BE).
  return iconv.encode(bom ? '\uFEFF' + withBreaks : withBreaks, encoding);
}

export function encodingExists(name: string): boolean {
  return iconv.encodingExists(name);
}
