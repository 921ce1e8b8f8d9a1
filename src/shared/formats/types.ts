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

/** A format edited as text in the editor: parse keeps source offsets. */
export interface TextFormat extends FormatInfo {
  kind: 'text';
  detect: Detect;
  /** Never throws; linear in the text's length. */
  parse(text: string): ParseResult;
  serialize: Serialize;
  /** The text of a timing for this format, as it stands between `timingFrom` and `timingTo`. */
  formatTiming(start: number, end: number): string;
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
