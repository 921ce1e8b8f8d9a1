/**
 * The cue model every format parses into. Offsets point into the source text so the
 * editor can rewrite exactly the bytes that changed and leave the rest untouched.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Source offsets (UTF-16 code units) of the problem. */
  from: number;
  to: number;
  /** 1-based line and column of `from`. */
  line: number;
  column: number;
  severity: Severity;
  message: string;
  /** Which rule produced it; parsers use `parse`. */
  rule?: string;
  /** 0-based index of the cue it concerns, when the producer knows it (readers without offsets). */
  cue?: number;
}

/** Times and text only: what serializers need and what survives a conversion. */
export interface CueData {
  /** Milliseconds. */
  start: number;
  end: number;
  /** Cue text with lines joined by "\n". Markup (tags, override blocks) is kept as text. */
  text: string;
  /** A cue identifier where the format has one (WebVTT ids; SRT indices are not kept). */
  identifier?: string;
  /** WebVTT cue settings, kept verbatim. */
  settings?: string;
  /** Extra per-cue data from speech-to-text tools (avg_logprob, speaker …) and formats (ASS style …). */
  meta?: Readonly<Record<string, string | number | boolean | null>>;
  /** Word timings, when the source had them (Whisper word timestamps, WebVTT inline timestamps). */
  words?: readonly Word[];
}

export interface Word {
  /** Milliseconds; WhisperX leaves some words untimed (null). */
  start: number | null;
  end: number | null;
  text: string;
  /** Confidence 0..1 where the tool gives one. */
  probability?: number;
}

/** A parsed cue, with where each part stands in the source. */
export interface Cue extends CueData {
  /** The whole block: first line of the cue to the end of its last text line. */
  from: number;
  to: number;
  /** The timing line's time range (e.g. `00:00:01,000 --> 00:00:02,000`). */
  timingFrom: number;
  timingTo: number;
  /** The text: from its first character to the end of its last line (no trailing newline). */
  textFrom: number;
  textTo: number;
}

export interface ParseResult {
  cues: Cue[];
  diagnostics: Diagnostic[];
}
