import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sbv } from '../../../../src/shared/formats/sbv';
import { srt } from '../../../../src/shared/formats/srt';
import { whisper } from '../../../../src/shared/formats/whisper';

// As YouTube Studio exports it: unpadded hours, dot milliseconds, blank line after each cue.
const YOUTUBE = [
  '0:00:00.000,0:00:03.480',
  'Welcome back to the workshop.',
  '',
  '0:00:03.480,0:00:07.120',
  "Today we're restoring a 1962 radio,",
  "the one from last week's stream.",
  '',
  '0:00:07.120,0:00:09.000',
  '[upbeat music]',
  '',
  '0:00:12.250,0:00:15.900',
  ">> MAYA: Okay, let's open it up.",
  '',
].join('\n');

const replaceRange = (text: string, from: number, to: number, insert: string): string =>
  text.slice(0, from) + insert + text.slice(to);

describe('sbv.parse', () => {
  it('reads a YouTube export with offsets of timing, text and block', () => {
    const { cues, diagnostics } = sbv.parse(YOUTUBE);
    expect(diagnostics).toEqual([]);
    expect(cues.map((c) => [c.start, c.end, c.text])).toEqual([
      [0, 3480, 'Welcome back to the workshop.'],
      [3480, 7120, "Today we're restoring a 1962 radio,\nthe one from last week's stream."],
      [7120, 9000, '[upbeat music]'],
      [12_250, 15_900, ">> MAYA: Okay, let's open it up."],
    ]);
    const second = cues[1]!;
    expect(YOUTUBE.slice(second.timingFrom, second.timingTo)).toBe('0:00:03.480,0:00:07.120');
    expect(YOUTUBE.slice(second.textFrom, second.textTo)).toBe("Today we're restoring a 1962 radio,\nthe one from last week's stream.");
    expect(YOUTUBE.slice(second.from, second.to)).toBe(
      "0:00:03.480,0:00:07.120\nToday we're restoring a 1962 radio,\nthe one from last week's stream.",
    );
  });

  it('rewrites a timing in place without touching any other byte', () => {
    const cue = sbv.parse(YOUTUBE).cues[2]!;
    const edited = replaceRange(YOUTUBE, cue.timingFrom, cue.timingTo, sbv.formatTiming(7000, 9500));
    expect(edited).toBe(YOUTUBE.replace('0:00:07.120,0:00:09.000', '0:00:07.000,0:00:09.500'));
    expect(sbv.parse(edited).cues[2]).toMatchObject({ start: 7000, end: 9500, text: '[upbeat music]' });
  });

  it('reads CRLF and CR line endings with offsets into the original text', () => {
    const text = YOUTUBE.split('\n').join('\r\n');
    const { cues, diagnostics } = sbv.parse(text);
    expect(diagnostics).toEqual([]);
    expect(cues[1]!.text).toBe("Today we're restoring a 1962 radio,\nthe one from last week's stream.");
    expect(text.slice(cues[3]!.textFrom, cues[3]!.textTo)).toBe(">> MAYA: Okay, let's open it up.");
    expect(sbv.parse('0:00:01.000,0:00:02.000\rA\r\r0:00:03.000,0:00:04.000\rB').cues.map((c) => c.text)).toEqual(['A', 'B']);
  });

  it('splits cues that have no blank line between them, and says where', () => {
    const { cues, diagnostics } = sbv.parse('0:00:01.000,0:00:02.000\nHello\n0:00:03.000,0:00:04.000\nBye\n');
    expect(cues.map((c) => c.text)).toEqual(['Hello', 'Bye']);
    expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [2, 'info', 'No blank line between this cue and the next'],
    ]);
  });

  it('keeps blank lines inside text when no time code follows them', () => {
    const { cues } = sbv.parse('0:00:01.000,0:00:02.000\nfirst\n\nsecond paragraph\n\n0:00:03.000,0:00:04.000\nx\n');
    expect(cues.map((c) => c.text)).toEqual(['first\n\nsecond paragraph', 'x']);
  });

  it('reports text before the first cue and lines that only look like time codes', () => {
    const text = ['Captions by the channel team', '', '0:00:01.000 0:00:02.000', 'broken', '', '0:00:03.000,0:00:04.000', 'fine', '0:00:05.000 - 0:00:06.000'].join('\n');
    const { cues, diagnostics } = sbv.parse(text);
    expect(cues.map((c) => c.text)).toEqual(['fine\n0:00:05.000 - 0:00:06.000']);
    expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [1, 'warning', 'Text outside any cue (no time code above it)'],
      [3, 'warning', 'Looks like a time code but is not "H:MM:SS.mmm,H:MM:SS.mmm"; read as text'],
      [4, 'warning', 'Text outside any cue (no time code above it)'],
      [8, 'warning', 'Looks like a time code but is not "H:MM:SS.mmm,H:MM:SS.mmm"; read as text'],
    ]);
  });

  it('accepts padded and large hours, and reads odd time codes with a warning each', () => {
    const text = [
      '00:00:01.000,10:00:02.000',
      'padded and ten hours',
      '',
      '0:01.5,0:02.25',
      'no hours, short fractions',
      '',
      '0:00:03,000,0:00:04',
      'comma, and no milliseconds',
    ].join('\n');
    const { cues, diagnostics } = sbv.parse(text);
    expect(cues.map((c) => [c.start, c.end])).toEqual([
      [1000, 10 * 3_600_000 + 2000],
      [1500, 2250],
      [3000, 4000],
    ]);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [4, 'Time code: start time code without hours'],
      [4, 'Time code: end time code without hours'],
      [7, 'Time code: start comma before the milliseconds; SBV uses a dot'],
      [7, 'Time code: end time code without milliseconds'],
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('skips only the cue whose time code is invalid', () => {
    const { cues, diagnostics } = sbv.parse('0:00:01.000,0:00:02.000\nok\n\n0:61:00.000,0:61:01.000\nbad\n\n0:00:05.000,0:00:06.000\nok too\n');
    expect(cues.map((c) => c.text)).toEqual(['ok', 'ok too']);
    const error = diagnostics.find((d) => d.severity === 'error')!;
    expect([error.line, error.message]).toEqual([4, 'Invalid time code; this cue is ignored']);
  });

  it('flags cues that end before they start and text after the time code', () => {
    const text = '0:00:05.000,0:00:04.000\nbackwards\n\n0:00:06.000,0:00:07.000 align:top\nx\n';
    const { cues, diagnostics } = sbv.parse(text);
    expect(cues).toHaveLength(2);
    expect(text.slice(cues[1]!.timingFrom, cues[1]!.timingTo)).toBe('0:00:06.000,0:00:07.000');
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'Cue ends before it starts'],
      [4, 'Unexpected text after the time code: "align:top"'],
    ]);
  });

  it('keeps text lines that merely start with clock times', () => {
    const { cues, diagnostics } = sbv.parse('0:00:01.000,0:00:02.000\n10:30, 11:45 and 14:00\n');
    expect(diagnostics).toEqual([]);
    expect(cues.map((c) => c.text)).toEqual(['10:30, 11:45 and 14:00']);
  });

  it('reads a cue without text with its text range at the end of the timing line', () => {
    const text = '0:00:01.000,0:00:02.000\n\n0:00:03.000,0:00:04.000\nx';
    const [empty] = sbv.parse(text).cues;
    expect(empty).toMatchObject({ text: '', textFrom: 23, textTo: 23, to: 23 });
  });

  it('stays linear on pathological input (a quadratic parser would hit the test timeout)', () => {
    const big = '0:00:01.000,'.repeat(100_000) + '\n' + '0:00:0\n'.repeat(100_000) + '1:'.repeat(100_000);
    const { cues, diagnostics } = sbv.parse(big);
    expect(cues).toHaveLength(1);
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^Unexpected text after the time code/)]);
  });

  it('parse never throws and keeps offsets inside the text', () => {
    const fragment = fc.oneof(
      fc.constantFrom('0:00:01.000', ',', '0:00:02.5', '\n', '\r\n', '\r', ' ', 'text', '99:99:99.999', ':'),
      fc.string({ maxLength: 4 }),
    );
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fragment, { maxLength: 60 }).map((a) => a.join('')));
    fc.assert(
      fc.property(text, (source) => {
        const { cues, diagnostics } = sbv.parse(source);
        for (const cue of cues) {
          expect(cue.from).toBeLessThanOrEqual(cue.timingFrom);
          expect(cue.timingFrom).toBeLessThanOrEqual(cue.timingTo);
          expect(cue.textFrom).toBeLessThanOrEqual(cue.textTo);
          expect(cue.to).toBeLessThanOrEqual(source.length);
        }
        for (const d of diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('sbv.serialize', () => {
  it('writes YouTube blocks with unpadded hours', () => {
    const cues = sbv.parse(YOUTUBE).cues;
    expect(sbv.serialize(cues)).toBe(YOUTUBE);
    expect(sbv.serialize([{ start: 36_000_000, end: 36_001_500, text: 'late' }], { eol: '\r\n' })).toBe('10:00:00.000,10:00:01.500\r\nlate\r\n');
  });

  it('writes the timing as formatTiming gives it', () => {
    expect(sbv.formatTiming(1234, 3_723_004)).toBe('0:00:01.234,1:02:03.004');
  });

  it('round-trips cues through text', () => {
    const line = fc
      .stringMatching(/^[^\r\n]*\S[^\r\n]*$/)
      .filter((l) => !/^\s*(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d+)?\s*,/.test(l));
    const cue = fc.record({
      start: fc.integer({ min: 0, max: 200 * 3_600_000 }),
      duration: fc.integer({ min: 0, max: 100_000 }),
      lines: fc.array(line, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(cue, { maxLength: 20 }), (raw) => {
        const cues = raw.map((c) => ({ start: c.start, end: c.start + c.duration, text: c.lines.join('\n') }));
        const parsed = sbv.parse(sbv.serialize(cues));
        expect(parsed.diagnostics).toEqual([]);
        expect(parsed.cues.map(({ start, end, text }) => ({ start, end, text }))).toEqual(cues);
      }),
    );
  });
});

describe('sbv.detect', () => {
  it('recognises SBV, and SRT and whisper do not claim it', () => {
    expect(sbv.detect(YOUTUBE)).toBe(0.9);
    expect(sbv.detect('0:00:01.5,0:00:02.25\nx')).toBe(0.6);
    expect(sbv.detect('hello', 'captions.SBV')).toBe(0.3);
    expect(srt.detect(YOUTUBE)).toBe(0);
    expect(whisper.detect(YOUTUBE)).toBe(0);
    expect(sbv.detect('1\n00:00:01,000 --> 00:00:02,000\nx')).toBe(0);
    expect(sbv.detect('[00:00:01.000 --> 00:00:02.000]  x')).toBe(0);
  });
});
