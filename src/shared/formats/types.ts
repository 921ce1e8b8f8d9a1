import type { CueData, ParseResult } from '../cue';

export type FormatId = 'srt' | 'whisper';

export interface SerializeOptions {
  /** Line ending to write; parsers accept any. */
  eol?: '\n' | '\r\n';
}

/** Every subtitle format implements this, one module each. */
export interface SubtitleFormat {
  id: FormatId;
  /** Human name for menus and messages. */
  label: string;
  /** File extensions without the dot, the first being the one we write. */
  extensions: readonly string[];
  /**
   * How sure we are that `text` is in this format, 0 (no) to 1 (certain). Reads only a
   * prefix of the text, so it is cheap on huge files.
   */
  detect(text: string, fileName?: string): number;
  /** Never throws; linear in the text's length. */
  parse(text: string): ParseResult;
  serialize(cues: readonly CueData[], options?: SerializeOptions): string;
  /** The text of a timing for this format, as it stands between `timingFrom` and `timingTo`. */
  formatTiming(start: number, end: number): string;
}
