import type { CueData, Diagnostic, ParseResult } from '../cue';

export type FormatId =
  | 'srt'
  | 'vtt'
  | 'whisper'
  | 'sbv'
  | 'ass'
  | 'ssa'
  | 'lrc'
  | 'whisper-json'
  | 'whisperx-json'
  | 'tsv'
  | 'csv'
  | 'txt';

export interface SerializeOptions {
  /** Line ending to write; parsers accept any. Default "\n". */
  eol?: '\n' | '\r\n';
  /** Plain text: start each cue with its time code. */
  timestamps?: boolean;
  /** Plain text: join cues into paragraphs, breaking where the pause exceeds this many ms (default: one cue a line). */
  paragraphGap?: number;
}

interface FormatInfo {
  id: FormatId;
  /** Human name for menus and messages. */
  label: string;
  /** File extensions without the dot, the first being the one we write. */
  extensions: readonly string[];
}

/**
 * How sure we are that `text` is in this format, 0 (no) to 1 (certain). Reads only a
 * prefix of the text, so it is cheap on huge files.
 */
type Detect = (text: string, fileName?: string) => number;
type Serialize = (cues: readonly CueData[], options?: SerializeOptions) => string;

/**
 * What the part of a document before its first cue establishes for reading the cues after
 * it: WebVTT's regions, ASS's event field order … Opaque outside the format that made it.
 */
export type FormatContext = { readonly format: FormatId } & Readonly<Record<string, unknown>>;

/** A format edited as text in the editor: parse keeps source offsets. */
export interface TextFormat extends FormatInfo {
  kind: 'text';
  detect: Detect;
  /** Never throws; linear in the text's length. */
  parse(text: string): ParseResult;
  serialize: Serialize;
  /** The text of a timing for this format, as it stands between `timingFrom` and `timingTo`. */
  formatTiming(start: number, end: number): string;
  /**
   * One cue block as this format writes it, without a trailing line break: what the editor
   * inserts for a new cue. `number` is the 1-based cue number (SRT's index line).
   */
  formatBlock(cue: CueData, number: number): string;
  /** What goes between two blocks: a blank line ("\n\n") or a line break ("\n"). */
  blockSeparator: '\n\n' | '\n';
  /**
   * For incremental re-reading in the editor: the context a document's head (everything
   * before its first cue) establishes. Never throws.
   */
  readContext(head: string): FormatContext;
  /**
   * Reads the cues of a fragment of a document that starts where a cue starts (and ends
   * where one ends or at the end of the document), as the whole-document parse would read
   * them there. Offsets and lines are relative to the fragment. Never throws.
   */
  parseFragment(fragment: string, context: FormatContext): ParseResult;
}

/** Cues without source offsets, from formats that are imported (converted to an editable format). */
export interface ReadResult {
  cues: CueData[];
  diagnostics: Diagnostic[];
}

/** A data format (JSON, TSV, CSV …): imported into an editable format, and written back on export. */
export interface DataFormat extends FormatInfo {
  kind: 'data';
  detect: Detect;
  /** Never throws. */
  read(text: string): ReadResult;
  serialize?: Serialize;
}

/** A format we only write (plain text). */
export interface ExportFormat extends FormatInfo {
  kind: 'export';
  serialize: Serialize;
}

export type SubtitleFormat = TextFormat | DataFormat | ExportFormat;
