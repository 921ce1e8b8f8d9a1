import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { srt } from '../../../../src/shared/formats/srt';
import { hasShared, sharedPath } from '../../shared-corpora';

const parse = (text: string) => srt.parse(text);

describe('srt.parse', () => {
  it('reads a plain file with offsets of timing and text', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,500\nHello\nworld\n\n2\n00:00:03,000 --> 00:00:04,000\nBye\n';
    const { cues, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(cues.map((c) => [c.start, c.end, c.text])).toEqual([
      [1000, 2500, 'Hello\nworld'],
      [3000, 4000, 'Bye'],
    ]);
    const [first] = cues;
    expect(text.slice(first!.timingFrom, first!.timingTo)).toBe('00:00:01,000 --> 00:00:02,500');
    expect(text.slice(first!.textFrom, first!.textTo)).toBe('Hello\nworld');
    expect(text.slice(first!.from, first!.to)).toBe('1\n00:00:01,000 --> 00:00:02,500\nHello\nworld');
  });

  it('accepts dot milliseconds, short fractions and hours over 99', () => {
    const { cues } = parse('1\n100:00:01.5 --> 100:00:02,05\nx\n');
    expect(cues[0]!.start).toBe(100 * 3_600_000 + 1500);
    expect(cues[0]!.end).toBe(100 * 3_600_000 + 2050);
  });

  it('keeps cues with missing, duplicate and non-numeric indices, and says so', () => {
    const text = [
      '00:00:01,000 --> 00:00:02,000',
      'no index',
      '',
      '5',
      '00:00:03,000 --> 00:00:04,000',
      'five',
      '',
      '5',
      '00:00:05,000 --> 00:00:06,000',
      'five again',
      '',
      'abc',
      '00:00:07,000 --> 00:00:08,000',
      'letters',
    ].join('\n');
    const { cues, diagnostics } = parse(text);
    expect(cues.map((c) => c.text)).toEqual(['no index', 'five', 'five again', 'letters']);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [1, 'info'],
      [8, 'warning'],
      [12, 'warning'],
    ]);
    expect(diagnostics[2]!.message).toMatch(/"abc" is not a number/);
  });

  it('splits cues that have no blank line between them', () => {
    const { cues, diagnostics } = parse('1\n00:00:01,000 --> 00:00:02,000\nHello\n2\n00:00:03,000 --> 00:00:04,000\nBye');
    expect(cues.map((c) => c.text)).toEqual(['Hello', 'Bye']);
    expect(diagnostics.some((d) => /No blank line/.test(d.message) && d.line === 3)).toBe(true);
  });

  it('keeps blank lines inside text when no cue follows them', () => {
    const { cues } = parse('1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nsecond paragraph\n\n2\n00:00:03,000 --> 00:00:04,000\nx\n');
    expect(cues[0]!.text).toBe('first\n\nsecond paragraph');
  });

  it('keeps coordinates as settings and markup as text', () => {
    const { cues, diagnostics } = parse('1\n00:00:01,000 --> 00:00:02,000  X1:100 X2:600 Y1:10 Y2:50\n{\\an8}<i>Hi</i> <font color="red">x</font>\n');
    expect(diagnostics).toEqual([]);
    expect(cues[0]!.settings).toBe('X1:100 X2:600 Y1:10 Y2:50');
    expect(cues[0]!.text).toBe('{\\an8}<i>Hi</i> <font color="red">x</font>');
  });

  it('reads CRLF and CR line endings with offsets into the original text', () => {
    const text = '1\r\n00:00:01,000 --> 00:00:02,000\r\nA\r\n\r\n2\r00:00:03,000 --> 00:00:04,000\rB';
    const { cues } = parse(text);
    expect(cues.map((c) => c.text)).toEqual(['A', 'B']);
    expect(text.slice(cues[1]!.textFrom, cues[1]!.textTo)).toBe('B');
  });

  it('reports a broken time code with its line and skips only that cue', () => {
    const { cues, diagnostics } = parse('1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:61:00,000 --> 00:00:04,000\nbad\n\n3\n00:00:05,000 --> 00:00:06,000\nok too\n');
    expect(cues.map((c) => c.text)).toEqual(['ok', 'ok too']);
    const error = diagnostics.find((d) => d.severity === 'error')!;
    expect(error.line).toBe(6);
    expect(error.message).toMatch(/Invalid time code/);
  });

  it('flags text before the first cue and cues that end before they start', () => {
    const { diagnostics } = parse('junk\n\n1\n00:00:05,000 --> 00:00:04,000\nx\n');
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'Text outside any cue (no time code above it)'],
      [4, 'Cue ends before it starts'],
    ]);
  });

  it('never throws on pathological input (a quadratic parser would hit the test timeout)', () => {
    const big = '1\n'.repeat(200_000) + '-->'.repeat(100_000);
    const { cues, diagnostics } = parse(big);
    expect(cues).toEqual([]);
    expect(diagnostics.length).toBeGreaterThan(0);
  });

  it.skipIf(!hasShared)('reads the cdown srt corpus (non-sequential indices)', () => {
    const text = readFileSync(sharedPath('corpora/cdown-srt/srt_tools/tests/files/ascii.srt'), 'utf8');
    const { cues, diagnostics } = parse(text);
    expect(cues.map((c) => [c.start, c.end, c.text])).toEqual([
      [27_000, 30_730, 'ascii'],
      [31_500, 34_100, 'oh look'],
      [34_100, 36_570, 'ascii everywhere'],
    ]);
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['info', 'Cue index 4 is out of sequence (expected 3)'],
      ['info', 'Cue index 6 is out of sequence (expected 5)'],
    ]);
  });
});

describe('srt.serialize', () => {
  it('writes numbered blocks with comma milliseconds', () => {
    expect(srt.serialize([{ start: 1000, end: 2500, text: 'Hi\nthere' }, { start: 3_600_000, end: 3_601_000, text: 'x' }])).toBe(
      '1\n00:00:01,000 --> 00:00:02,500\nHi\nthere\n\n2\n01:00:00,000 --> 01:00:01,000\nx\n',
    );
  });

  it('round-trips cues through text', () => {
    const line = fc.stringMatching(/^[^\r\n]*\S[^\r\n]*$/).filter((l) => !l.includes('-->') && !/^\s*\d+\s*$/.test(l));
    const cue = fc.record({
      start: fc.integer({ min: 0, max: 400 * 3_600_000 }),
      duration: fc.integer({ min: 0, max: 100_000 }),
      lines: fc.array(line, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(cue, { maxLength: 20 }), (raw) => {
        const cues = raw.map((c) => ({ start: c.start, end: c.start + c.duration, text: c.lines.join('\n') }));
        const parsed = srt.parse(srt.serialize(cues)).cues.map(({ start, end, text }) => ({ start, end, text }));
        expect(parsed).toEqual(cues);
      }),
    );
  });

  it('parse never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const { cues } = srt.parse(text);
        for (const cue of cues) {
          expect(cue.timingFrom).toBeLessThanOrEqual(cue.timingTo);
          expect(cue.textFrom).toBeLessThanOrEqual(cue.textTo);
          expect(cue.to).toBeLessThanOrEqual(text.length);
        }
      }),
    );
  });
});

describe('srt.detect', () => {
  it('recognises SRT and not whisper lines', () => {
    expect(srt.detect('1\n00:00:01,000 --> 00:00:02,000\nx')).toBeGreaterThan(0.5);
    expect(srt.detect('[00:00:01.000 --> 00:00:02.000]  x')).toBe(0);
  });
});
