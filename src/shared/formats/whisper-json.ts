/**
 * Whisper JSON: openai-whisper's `--output_format json` and whisper.cpp's `-oj` / `-ojf`.
 *
 * openai-whisper (whisper/utils.py WriteJSON: `json.dump(result, file)`):
 *   {"text", "segments": [{"id", "seek", "start", "end", "text", "tokens", "temperature",
 *   "avg_logprob", "compression_ratio", "no_speech_prob", "words"?: [{"word", "start",
 *   "end", "probability"}]}], "language"}, times in seconds, texts with a leading space.
 * whisper.cpp (examples/cli/cli.cpp output_json): {"systeminfo", "model", "params",
 *   "result": {"language"}, "transcription": [{"timestamps": {"from": "00:00:00,000",
 *   "to"}, "offsets": {"from": ms, "to": ms}, "text", "tokens"?: [{"text", "timestamps"?,
 *   "offsets"?, "id", "p", "t_dtw"}], "speaker"? (--diarize), "speaker_turn_next"?
 *   (--tinydiarize)}]}. `-ojf` adds the tokens; specials such as `[_BEG_]` and `[_TT_150]`
 *   are among them.
 *
 * Cues keep the segment text trimmed, the retry signals (avg_logprob …) and the speaker
 * in meta, the language in every cue's meta, and word timings: openai-whisper's words as
 * they are, whisper.cpp's built from its tokens. Writing produces openai-whisper's shape.
 */
import type { CueData, Word } from '../cue';
import type { JsonValue } from './lenient-json';
import {
  firstMetaString,
  isObject,
  jsonHead,
  LANGUAGES_WITHOUT_SPACES,
  readJsonTranscript,
  readNumbers,
  readSeconds,
  readWords,
  seconds,
  segmentCue,
  segmentText,
  SIGNALS,
  type JsonObject,
  type Problems,
} from './transcript-json';
import type { DataFormat, SerializeOptions } from './types';

function interpret(root: JsonValue | undefined, problems: Problems): CueData[] {
  if (root === undefined) return [];
  if (isObject(root) && Array.isArray(root.transcription)) return readWhisperCpp(root, root.transcription, problems);
  if (isObject(root) && Array.isArray(root.segments)) return readOpenAiWhisper(root, root.segments, problems);
  const node = typeof root === 'object' && root !== null ? root : undefined;
  problems.report('error', 'Not a Whisper transcript: no "segments" list (openai-whisper) or "transcription" list (whisper.cpp)', { node });
  return [];
}

function readOpenAiWhisper(root: JsonObject, segments: JsonValue[], problems: Problems): CueData[] {
  const language = typeof root.language === 'string' ? root.language : undefined;
  const spaced = !(language && LANGUAGES_WITHOUT_SPACES.has(language));
  const cues: CueData[] = [];
  segments.forEach((segment, i) =>
    problems.segment(cues, () => {
      const what = `Segment ${i + 1}`;
      if (!isObject(segment)) {
        problems.report('error', `${what} is not an object; it is left out`, { node: segments, key: i });
        return null;
      }
      const words = readWords(segment, 'probability', what, problems);
      const meta: Record<string, string | number> = readNumbers(segment, SIGNALS, what, problems);
      if (typeof segment.speaker === 'string') meta.speaker = segment.speaker;
      if (language) meta.language = language;
      return segmentCue(
        {
          start: readSeconds(segment, 'start', what, problems),
          end: readSeconds(segment, 'end', what, problems),
          text: segmentText(segment, words, what, spaced, problems),
          words,
          meta,
        },
        { node: segment, what },
        problems,
      );
    }),
  );
  return cues;
}

const CPP_TIMESTAMP = /^(\d+):(\d{2}):(\d{2})[,.](\d{3})$/;

/** whisper.cpp times: `offsets` in ms, else the `timestamps` strings. */
function cppTime(node: JsonObject, edge: 'from' | 'to', what: string, problems: Problems): number | null {
  const offsets = node.offsets;
  if (isObject(offsets) && typeof offsets[edge] === 'number' && Number.isFinite(offsets[edge])) {
    const ms = Math.round(offsets[edge]);
    if (ms >= 0) return ms;
    problems.report('warning', `${what}: offsets.${edge} is negative; read as 0`, { node: offsets, key: edge });
    return 0;
  }
  const timestamps = node.timestamps;
  const stamp = isObject(timestamps) ? timestamps[edge] : undefined;
  const match = typeof stamp === 'string' ? CPP_TIMESTAMP.exec(stamp) : null;
  if (match) return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000 + Number(match[4]);
  if (offsets !== undefined || stamp !== undefined) {
    problems.report('warning', `${what}: no usable "offsets.${edge}" or "timestamps.${edge}"`, { node });
  }
  return null;
}

// whisper.cpp names every token id at or above end-of-text like this (whisper.cpp vocab loading).
const SPECIAL_TOKEN = /^\[_[^\]]*\]$/;
const REPLACEMENT = '\uFFFD';

interface Piece {
  text: string;
  start: number | null;
  end: number | null;
  probabilities: number[];
}

function join(a: Piece, b: Piece): Piece {
  return { text: a.text + b.text, start: a.start ?? b.start, end: b.end ?? a.end, probabilities: [...a.probabilities, ...b.probabilities] };
}

/**
 * A character split across tokens reaches us as U+FFFD in each token (the partial UTF-8
 * bytes were replaced when the file was decoded), while the segment text has it whole.
 * Broken tokens are merged and given the text between their clean neighbours in the
 * segment text. When the tokens do not line up with the segment text, they stay as written.
 */
function mendSplitCharacters(pieces: Piece[], segmentText: string): Piece[] {
  if (!pieces.some((p) => p.text.includes(REPLACEMENT))) return pieces;
  const mended: Piece[] = [];
  let cursor = 0;
  let broken: Piece | null = null;
  for (const piece of pieces) {
    if (piece.text.includes(REPLACEMENT)) {
      broken = broken ? join(broken, piece) : piece;
      continue;
    }
    const at = segmentText.indexOf(piece.text, cursor);
    if (at < 0 || (!broken && at !== cursor)) return pieces;
    if (broken) mended.push({ ...broken, text: segmentText.slice(cursor, at) });
    broken = null;
    mended.push(piece);
    cursor = at + piece.text.length;
  }
  if (broken) mended.push({ ...broken, text: segmentText.slice(cursor) });
  return mended;
}

/**
 * Words from whisper.cpp tokens, the way openai-whisper groups them: a token starting with
 * a space starts a word (in languages written without spaces, every token is a word);
 * the word spans its tokens and its probability is their mean (whisper/timing.py).
 */
function wordsFromTokens(segment: JsonObject, segmentText: string, spaced: boolean, what: string, problems: Problems): Word[] | undefined {
  const tokens = segment.tokens;
  if (tokens === undefined) return undefined;
  if (!Array.isArray(tokens)) {
    problems.report('warning', `${what}: "tokens" is not a list; word timings ignored`, { node: segment, key: 'tokens' });
    return undefined;
  }
  const pieces: Piece[] = [];
  for (const token of tokens) {
    if (!isObject(token) || typeof token.text !== 'string' || SPECIAL_TOKEN.test(token.text)) continue;
    pieces.push({
      text: token.text,
      start: cppTime(token, 'from', `${what}, token "${token.text}"`, problems),
      end: cppTime(token, 'to', `${what}, token "${token.text}"`, problems),
      probabilities: typeof token.p === 'number' && Number.isFinite(token.p) ? [token.p] : [],
    });
  }
  const grouped: Piece[] = [];
  for (const piece of mendSplitCharacters(pieces, segmentText)) {
    const last = grouped[grouped.length - 1];
    if (last && spaced && !/^\s/.test(piece.text)) grouped[grouped.length - 1] = join(last, piece);
    else grouped.push(piece);
  }
  const words: Word[] = [];
  for (const piece of grouped) {
    const text = piece.text.trim();
    if (text === '') continue;
    const word: Word = { start: piece.start, end: piece.end, text };
    if (piece.probabilities.length > 0) word.probability = piece.probabilities.reduce((a, b) => a + b, 0) / piece.probabilities.length;
    words.push(word);
  }
  return words;
}

function readWhisperCpp(root: JsonObject, segments: JsonValue[], problems: Problems): CueData[] {
  const result = root.result;
  const language = isObject(result) && typeof result.language === 'string' ? result.language : undefined;
  const spaced = !(language && LANGUAGES_WITHOUT_SPACES.has(language));
  const cues: CueData[] = [];
  segments.forEach((segment, i) =>
    problems.segment(cues, () => {
      const what = `Segment ${i + 1}`;
      if (!isObject(segment)) {
        problems.report('error', `${what} is not an object; it is left out`, { node: segments, key: i });
        return null;
      }
      const rawText = typeof segment.text === 'string' ? segment.text : '';
      const words = wordsFromTokens(segment, rawText, spaced, what, problems);
      const meta: Record<string, string | boolean> = {};
      if (typeof segment.speaker === 'string') meta.speaker = segment.speaker;
      if (typeof segment.speaker_turn_next === 'boolean') meta.speaker_turn_next = segment.speaker_turn_next;
      if (language) meta.language = language;
      return segmentCue(
        {
          start: cppTime(segment, 'from', what, problems),
          end: cppTime(segment, 'to', what, problems),
          text: segmentText(segment, words, what, spaced, problems),
          words,
          meta,
        },
        { node: segment, what },
        problems,
      );
    }),
  );
  return cues;
}

function serialize(cues: readonly CueData[], options: SerializeOptions = {}): string {
  const language = firstMetaString(cues, 'language');
  // openai-whisper's texts and words carry the space that precedes them (its writers join words with "").
  const lead = language && LANGUAGES_WITHOUT_SPACES.has(language) ? '' : ' ';
  const segments = cues.map((cue, id) => {
    const segment: Record<string, unknown> = { id, start: seconds(cue.start), end: seconds(cue.end), text: lead + cue.text };
    for (const key of SIGNALS) {
      const value = cue.meta?.[key];
      if (typeof value === 'number' && Number.isFinite(value)) segment[key] = value;
    }
    if (typeof cue.meta?.speaker === 'string') segment.speaker = cue.meta.speaker;
    if (cue.words && cue.words.length > 0) {
      segment.words = cue.words.map((word) => {
        const out: Record<string, unknown> = {
          word: lead + word.text,
          start: word.start === null ? null : seconds(word.start),
          end: word.end === null ? null : seconds(word.end),
        };
        if (word.probability !== undefined && Number.isFinite(word.probability)) out.probability = word.probability;
        return out;
      });
    }
    return segment;
  });
  const document: Record<string, unknown> = { text: segments.map((s) => s.text).join(''), segments };
  if (language) document.language = language;
  return JSON.stringify(document) + (options.eol ?? '\n');
}

function detect(text: string): number {
  const head = jsonHead(text);
  if (!head) return 0;
  if (/"transcription"\s*:\s*\[/.test(head) && /"(?:systeminfo|offsets)"\s*:/.test(head)) return 0.95;
  if (!/"segments"\s*:/.test(head)) return 0;
  if (/"word_segments"\s*:/.test(head)) return 0.2;
  if (/"(?:tokens|seek|avg_logprob|compression_ratio|no_speech_prob|probability)"\s*:/.test(head)) return 0.95;
  // WhisperX words carry "score"; plain segments could be either.
  if (/"score"\s*:/.test(head)) return 0.2;
  return /"start"\s*:/.test(head) && /"end"\s*:/.test(head) ? 0.6 : 0;
}

export const whisperJson: DataFormat = {
  kind: 'data',
  id: 'whisper-json',
  label: 'Whisper JSON',
  extensions: ['json'],
  detect,
  read: (text) => readJsonTranscript(text, interpret),
  serialize,
};
