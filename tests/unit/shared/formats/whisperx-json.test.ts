import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CueData } from '../../../../src/shared/cue';
import { whisperJson } from '../../../../src/shared/formats/whisper-json';
import { whisperxJson } from '../../../../src/shared/formats/whisperx-json';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/formats/${name}`, import.meta.url), 'utf8');
const read = (text: string) => whisperxJson.read(text);

describe('whisperxJson.read', () => {
  it('reads aligned, diarized segments: speakers, scores, untimed words kept with null times', () => {
    const { cues, diagnostics } = read(fixture('whisperx-diarized.json'));
    expect(diagnostics).toEqual([]);
    expect(cues).toEqual([
      {
        start: 31,
        end: 2352,
        text: 'And so my fellow Americans,',
        meta: { speaker: 'SPEAKER_00', language: 'en' },
        words: [
          { start: 31, end: 151, text: 'And', probability: 0.831 },
          { start: 191, end: 592, text: 'so', probability: 0.912 },
          { start: 692, end: 852, text: 'my', probability: 0.998 },
          { start: 912, end: 1292, text: 'fellow', probability: 0.875 },
          { start: 1352, end: 2352, text: 'Americans,', probability: 0.812 },
        ],
      },
      {
        start: 3293,
        end: 5012,
        text: 'In 1961, ask not',
        meta: { speaker: 'SPEAKER_01', language: 'en' },
        words: [
          { start: 3293, end: 3413, text: 'In', probability: 0.702 },
          { start: null, end: null, text: '1961,' },
          { start: 3914, end: 4134, text: 'ask', probability: 0.931 },
          { start: 4214, end: 5012, text: 'not', probability: 0.946 },
        ],
      },
      {
        start: 5112,
        end: 6214,
        text: '¿qué país?',
        meta: { speaker: 'SPEAKER_01', language: 'en' },
        words: [
          { start: 5112, end: 5534, text: '¿qué', probability: 0.611 },
          { start: 5614, end: 6214, text: 'país?', probability: 0.734 },
        ],
      },
    ]);
  });

  it('reads unaligned output (segments without words) and segments whose alignment failed', () => {
    const text = '{"segments": [{"text": " Hello.", "start": 0.5, "end": 1.25}, {"start": 2, "end": 3, "text": "??", "words": [], "chars": null}], "language": "de"}';
    expect(read(text)).toEqual({
      cues: [
        { start: 500, end: 1250, text: 'Hello.', meta: { language: 'de' } },
        { start: 2000, end: 3000, text: '??', meta: { language: 'de' } },
      ],
      diagnostics: [],
    });
  });

  it('takes a segment time from its words when NaN left it empty, and says so', () => {
    // Python's json.dump writes NaN where interpolation found no time.
    const text = '{"segments": [\n{"start": NaN, "end": 2.0, "text": "a b", "words": [{"word": "a"}, {"word": "b", "start": 1.5, "end": 2.0, "score": 0.5}]}\n]}';
    const { cues, diagnostics } = read(text);
    expect(cues).toEqual([{ start: 1500, end: 2000, text: 'a b', words: [{ start: null, end: null, text: 'a' }, { start: 1500, end: 2000, text: 'b', probability: 0.5 }] }]);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [2, 11, 'warning', 'Repaired invalid JSON: non-finite numbers (NaN, Infinity, nan, inf) were read as null'],
      [2, 1, 'warning', "Segment 1 has no start time; took its first word's"],
    ]);
  });

  it('reports segments it cannot keep, with their line', () => {
    const text = '{"segments": [\n  {"start": 1, "end": 2, "text": "ok"},\n  {"text": "no times", "words": [{"word": "x"}]},\n  "oops"\n]}';
    const { cues, diagnostics } = read(text);
    expect(cues.map((c) => c.text)).toEqual(['ok']);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [3, 3, 'error', 'Segment 2 has no start and end times; it is left out'],
      [4, 3, 'error', 'Segment 3 is not an object; it is left out'],
    ]);
  });

  it('says when the JSON is not a transcript', () => {
    expect(read('{"fragments": []}').diagnostics.map((d) => d.message)).toEqual(['Not a WhisperX transcript: no "segments" list']);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void read(text)));
    const source = fixture('whisperx-diarized.json');
    fc.assert(fc.property(fc.nat(), (n) => void read(source.slice(0, n % source.length))), { numRuns: 200 });
  });
});

describe('whisperxJson.detect', () => {
  it('claims WhisperX JSON over openai-whisper JSON, and not the other way round', () => {
    const whisperx = fixture('whisperx-diarized.json');
    expect(whisperxJson.detect(whisperx)).toBe(0.95);
    expect(whisperJson.detect(whisperx)).toBe(0.2);
    // Without word_segments (cut short), the words' "score" still tells.
    const firstSegment = whisperx.slice(0, whisperx.indexOf('"word_segments"'));
    expect(whisperxJson.detect(firstSegment)).toBe(0.9);
    expect(whisperJson.detect(firstSegment)).toBe(0.2);
    for (const name of ['jfk.openai-whisper.json', 'jfk.whispercpp.json', 'jfk.whispercpp-full.json']) {
      expect(whisperxJson.detect(fixture(name)), name).toBeLessThan(whisperJson.detect(fixture(name)));
    }
  });

  it('leaves plain segments (no words) to Whisper JSON, with a fallback score of its own', () => {
    const plain = '{"segments": [{"start": 0, "end": 1, "text": "x"}]}';
    expect([whisperJson.detect(plain), whisperxJson.detect(plain)]).toEqual([0.6, 0.5]);
  });
});

describe('whisperxJson.serialize', () => {
  it('writes segments with words (untimed words without times) and word_segments', () => {
    const cues: CueData[] = [
      { start: 0, end: 1500, text: 'In 1961', meta: { speaker: 'SPEAKER_01', language: 'en', avg_logprob: -0.2 }, words: [{ start: 0, end: 400, text: 'In', probability: 0.9 }, { start: null, end: null, text: '1961' }] },
      { start: 1500, end: 2000, text: 'Bye' },
    ];
    const written = whisperxJson.serialize!(cues);
    expect(JSON.parse(written)).toEqual({
      segments: [
        { start: 0, end: 1.5, text: 'In 1961', avg_logprob: -0.2, words: [{ word: 'In', start: 0, end: 0.4, score: 0.9 }, { word: '1961' }], speaker: 'SPEAKER_01' },
        { start: 1.5, end: 2, text: 'Bye', words: [] },
      ],
      word_segments: [{ word: 'In', start: 0, end: 0.4, score: 0.9 }, { word: '1961' }],
      language: 'en',
    });
    expect(whisperxJson.detect(written)).toBe(0.95);
  });

  it('round-trips cues, words and meta', () => {
    const ms = fc.integer({ min: 0, max: 10 * 3_600_000 });
    const text = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.trim()).filter((s) => s !== '');
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
    const word = fc.record({ start: fc.option(ms), end: fc.option(ms), text, probability: fc.option(finite, { nil: undefined }) }, { requiredKeys: ['start', 'end', 'text'] });
    const meta = fc.record({ speaker: fc.string(), no_speech_prob: finite, language: fc.constant('en') }, { requiredKeys: [] });
    const cue = fc.record({ start: ms, length: fc.nat(60_000), text, meta, words: fc.array(word, { maxLength: 5 }) });
    fc.assert(
      fc.property(fc.array(cue, { maxLength: 10 }), (raw) => {
        // The language is one for the whole file: every cue has it or none does.
        const withLanguage = raw.some((c) => c.meta.language);
        const cues: CueData[] = raw.map(({ start, length, text: t, meta: { language: _, ...m }, words }) => {
          const out: CueData = { start, end: start + length, text: t };
          const fullMeta = withLanguage ? { ...m, language: 'en' } : m;
          if (Object.keys(fullMeta).length > 0) out.meta = fullMeta;
          if (words.length > 0) out.words = words;
          return out;
        });
        const back = read(whisperxJson.serialize!(cues));
        expect(back.diagnostics).toEqual([]);
        expect(back.cues).toEqual(cues);
      }),
    );
  });
});
