/**
 * What the speech-to-text JSON formats (openai-whisper, whisper.cpp, WhisperX) share:
 * lenient parsing with diagnostics placed on the segment or field that is wrong, reading
 * times and words, detection from a cheap look at the text, and writing seconds.
 */
import type { CueData, Severity, Word } from '../cue';
import { readJson, scanJson, type JsonLocations, type JsonValue } from './lenient-json';
import { OffsetDiagnostics } from './offset-diagnostics';
import type { ReadResult } from './types';

export type JsonObject = { [key: string]: JsonValue };

export const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a problem is: a node, optionally one of its children (property name or index). */
export interface ProblemSite {
  node?: object;
  key?: string | number;
}

export interface Problems {
  report(severity: Severity, message: string, site?: ProblemSite): void;
  /**
   * Reads one segment: the cue `read` returns is appended to `cues`, and the problems
   * reported meanwhile are tied to it (Diagnostic.cue); a segment left out (null) has none.
   */
  segment(cues: CueData[], read: () => CueData | null): void;
}

/** Per-segment signals openai-whisper uses to decide a retry; the cleanup rules read them from meta. */
export const SIGNALS = ['temperature', 'avg_logprob', 'compression_ratio', 'no_speech_prob'] as const;

/** openai-whisper splits words on characters rather than spaces for these (tokenizer.split_to_word_tokens). */
export const LANGUAGES_WITHOUT_SPACES: ReadonlySet<string> = new Set(['zh', 'ja', 'th', 'lo', 'my', 'yue']);

/**
 * Parses `text` and hands the value to `interpret`. Valid JSON goes through the native
 * parser; only when `interpret` reports a problem is the text scanned again to find where
 * each node stands, so clean files stay fast and problems still get a line and column.
 */
export function readJsonTranscript(
  text: string,
  interpret: (root: JsonValue | undefined, problems: Problems) => CueData[],
): ReadResult {
  const parsed = readJson(text);
  const run = (root: JsonValue | undefined, locations: JsonLocations | undefined) => {
    const diagnostics = new OffsetDiagnostics(text);
    const problems: Problems = {
      report(severity, message, site = {}) {
        let offset: number | undefined;
        if (site.node && locations) {
          if (site.key !== undefined) offset = locations.child(site.node, site.key);
          offset ??= locations.start(site.node);
        }
        diagnostics.add(offset ?? 0, severity, message);
      },
      segment(cues, read) {
        const first = diagnostics.list.length;
        const cue = read();
        if (!cue) return;
        for (const diagnostic of diagnostics.list.slice(first)) diagnostic.cue = cues.length;
        cues.push(cue);
      },
    };
    return { cues: interpret(root, problems), diagnostics: diagnostics.list };
  };

  let result = run(parsed.value, parsed.locations);
  if (!parsed.locations && result.diagnostics.length > 0) {
    const scanned = scanJson(text);
    result = run(scanned.value, scanned.locations);
  }

  const parseDiagnostics = new OffsetDiagnostics(text);
  for (const repair of parsed.repairs) {
    parseDiagnostics.add(repair.offset, 'warning', `Repaired invalid JSON: ${repair.message}`);
  }
  if (parsed.error) {
    const count = result.cues.length;
    const kept = count === 0 ? 'no segment could be read' : count === 1 ? 'the segment before it was kept' : `the ${count} segments before it were kept`;
    parseDiagnostics.add(parsed.error.offset, 'error', `Invalid JSON: ${parsed.error.message}; ${kept}`);
  }
  return { cues: result.cues, diagnostics: [...parseDiagnostics.list, ...result.diagnostics] };
}

/**
 * The start of the text plus the start of its segment list: openai-whisper writes the
 * whole transcript as `"text"` before `"segments"`, so a plain prefix may hold no segment.
 * Inside a JSON string every quote is escaped, so `"segments"` cannot match within one.
 */
export function jsonHead(text: string): string | null {
  const head = text.slice(0, 4096);
  if (!/^\uFEFF?\s*\{/.test(head)) return null;
  const at = text.indexOf('"segments"');
  return at > 4096 ? head + text.slice(at, at + 4096) : head;
}

/** A time in seconds from a JSON number, as whole milliseconds; null when absent or unusable (reported). */
export function readSeconds(node: JsonObject, key: string, what: string, problems: Problems): number | null {
  const value = node[key];
  if (value === undefined || value === null) return null;
  // 1e400 parses as Infinity: not a time either.
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.report('warning', `${what}: "${key}" is not a number of seconds`, { node, key });
    return null;
  }
  if (value < 0) {
    problems.report('warning', `${what}: "${key}" is negative; read as 0`, { node, key });
    return 0;
  }
  return Math.round(value * 1000);
}

/** Finite numeric fields copied into meta; anything else but null is reported and ignored. */
export function readNumbers(node: JsonObject, keys: readonly string[], what: string, problems: Problems): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) {
    const value = node[key];
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
    else if (value !== undefined && value !== null) {
      problems.report('warning', `${what}: "${key}" is not a number; ignored`, { node, key });
    }
  }
  return out;
}

/** Words of openai-whisper (`probability`) or WhisperX (`score`): text trimmed, times in ms or null. */
export function readWords(segment: JsonObject, probabilityKey: 'probability' | 'score', what: string, problems: Problems): Word[] | undefined {
  const list = segment.words;
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) {
    problems.report('warning', `${what}: "words" is not a list; word timings ignored`, { node: segment, key: 'words' });
    return undefined;
  }
  const words: Word[] = [];
  list.forEach((item, i) => {
    const label = `${what}, word ${i + 1}`;
    if (!isObject(item) || typeof item.word !== 'string') {
      problems.report('warning', `${label} has no "word" text; ignored`, { node: list, key: i });
      return;
    }
    const text = item.word.trim();
    if (text === '') return;
    const word: Word = {
      start: readSeconds(item, 'start', label, problems),
      end: readSeconds(item, 'end', label, problems),
      text,
    };
    const probability = item[probabilityKey];
    if (typeof probability === 'number' && Number.isFinite(probability)) word.probability = probability;
    words.push(word);
  });
  return words;
}

/** The segment's own time, else the first word start / last word end (reported), else null. */
export function timeOrFromWords(own: number | null, words: readonly Word[] | undefined, edge: 'start' | 'end'): number | null {
  if (own !== null || !words) return own;
  const timed = words.map((w) => w[edge]).filter((t): t is number => t !== null);
  return (edge === 'start' ? timed[0] : timed[timed.length - 1]) ?? null;
}

/** The segment text trimmed; without one, the words' text (reported). */
export function segmentText(segment: JsonObject, words: readonly Word[] | undefined, what: string, spaced: boolean, problems: Problems): string {
  if (typeof segment.text === 'string') return segment.text.trim();
  if (words && words.length > 0) {
    problems.report('warning', `${what} has no "text"; rebuilt from its words`, { node: segment });
    return words.map((w) => w.text).join(spaced ? ' ' : '');
  }
  problems.report('warning', `${what} has no "text"`, { node: segment });
  return '';
}

/**
 * A cue from a segment's parts, or null (reported) when it has no usable start or end.
 * A missing time is taken from the words when they have one.
 */
export function segmentCue(
  parts: { start: number | null; end: number | null; text: string; words?: Word[] | undefined; meta: Record<string, string | number | boolean> },
  site: { node: object; what: string },
  problems: Problems,
): CueData | null {
  const start = timeOrFromWords(parts.start, parts.words, 'start');
  const end = timeOrFromWords(parts.end, parts.words, 'end');
  const where = { node: site.node };
  if (start === null || end === null) {
    const missing = start === null && end === null ? 'start and end times' : start === null ? 'start time' : 'end time';
    problems.report('error', `${site.what} has no ${missing}; it is left out`, where);
    return null;
  }
  if (parts.start === null) problems.report('warning', `${site.what} has no start time; took its first word's`, where);
  if (parts.end === null) problems.report('warning', `${site.what} has no end time; took its last word's`, where);
  if (end < start) problems.report('warning', `${site.what} ends before it starts`, where);
  const cue: CueData = { start, end, text: parts.text };
  if (Object.keys(parts.meta).length > 0) cue.meta = parts.meta;
  if (parts.words && parts.words.length > 0) cue.words = parts.words;
  return cue;
}

/** Milliseconds as JSON seconds: an integer count of ms divided by 1000 prints with at most 3 decimals. */
export const seconds = (ms: number): number => Math.round(ms) / 1000;

/** The first string value of a meta key among the cues (document-wide facts such as the language). */
export function firstMetaString(cues: readonly CueData[], key: string): string | undefined {
  for (const cue of cues) {
    const value = cue.meta?.[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}
