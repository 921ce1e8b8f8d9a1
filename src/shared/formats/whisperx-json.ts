/**
 * WhisperX JSON (`whisperx --output_format json`): {"segments": [{"start", "end", "text",
 * "words": [{"word", "start"?, "end"?, "score"?, "speaker"?}], "speaker"?}],
 * "word_segments": [every word again], "language"?}, times in seconds (whisperx/alignment.py
 * rounds them to ms). Words the aligner could not place (digits, symbols) have no start,
 * end or score: they are kept with null times. A segment's `speaker` (from diarization)
 * goes to meta.speaker; `word_segments` repeats the segments' words and is not read.
 */
import type { CueData } from '../cue';
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
  type Problems,
} from './transcript-json';
import type { DataFormat, SerializeOptions } from './types';

function interpret(root: JsonValue | undefined, problems: Problems): CueData[] {
  if (root === undefined) return [];
  if (!isObject(root) || !Array.isArray(root.segments)) {
    const node = typeof root === 'object' && root !== null ? root : undefined;
    problems.report('error', 'Not a WhisperX transcript: no "segments" list', { node });
    return [];
  }
  const segments = root.segments;
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
      const words = readWords(segment, 'score', what, problems);
      const text = segmentText(segment, words, what, spaced, problems);
      // Some WhisperX versions keep faster-whisper's avg_logprob on segments.
      const meta: Record<string, string | number> = readNumbers(segment, SIGNALS, what, problems);
      if (typeof segment.speaker === 'string') meta.speaker = segment.speaker;
      if (language) meta.language = language;
      return segmentCue(
        { start: readSeconds(segment, 'start', what, problems), end: readSeconds(segment, 'end', what, problems), text, words, meta },
        { node: segment, what },
        problems,
      );
    }),
  );
  return cues;
}

function serialize(cues: readonly CueData[], options: SerializeOptions = {}): string {
  const language = firstMetaString(cues, 'language');
  const segments = cues.map((cue) => {
    const speaker = typeof cue.meta?.speaker === 'string' ? cue.meta.speaker : undefined;
    // Untimed words stay without start/end/score, as WhisperX writes them.
    const words = (cue.words ?? []).map((word) => {
      const out: Record<string, unknown> = { word: word.text };
      if (word.start !== null) out.start = seconds(word.start);
      if (word.end !== null) out.end = seconds(word.end);
      if (word.probability !== undefined && Number.isFinite(word.probability)) out.score = word.probability;
      return out;
    });
    const segment: Record<string, unknown> = { start: seconds(cue.start), end: seconds(cue.end), text: cue.text };
    for (const key of SIGNALS) {
      const value = cue.meta?.[key];
      if (typeof value === 'number' && Number.isFinite(value)) segment[key] = value;
    }
    segment.words = words;
    if (speaker !== undefined) segment.speaker = speaker;
    return segment;
  });
  const document: Record<string, unknown> = { segments, word_segments: segments.flatMap((s) => s.words as unknown[]) };
  if (language) document.language = language;
  return JSON.stringify(document) + (options.eol ?? '\n');
}

function detect(text: string): number {
  const head = jsonHead(text);
  if (!head) return 0;
  if (/"word_segments"\s*:/.test(head)) return 0.95;
  if (!/"segments"\s*:/.test(head) || /"transcription"\s*:/.test(head)) return 0;
  // openai-whisper segments carry decoder fields and words with "probability".
  if (/"(?:tokens|seek|compression_ratio|no_speech_prob|probability)"\s*:/.test(head)) return 0.1;
  if (/"score"\s*:/.test(head)) return 0.9;
  return /"start"\s*:/.test(head) && /"end"\s*:/.test(head) ? 0.5 : 0;
}

export const whisperxJson: DataFormat = {
  kind: 'data',
  id: 'whisperx-json',
  label: 'WhisperX JSON',
  extensions: ['json'],
  detect,
  read: (text) => readJsonTranscript(text, interpret),
  serialize,
};
