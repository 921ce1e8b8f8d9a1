import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CueData } from '../../../../src/shared/cue';
import { plainText } from '../../../../src/shared/formats/plain-text';

const cues: CueData[] = [
  { start: 0, end: 2000, text: 'And so my fellow Americans,' },
  { start: 2300, end: 4000, text: 'ask not\nwhat your country' },
  { start: 4000, end: 5000, text: '   ' },
  { start: 9500, end: 11_000, text: 'can do for you.' },
  { start: 3_725_999, end: 3_727_000, text: 'Later.' },
];

describe('plainText.serialize', () => {
  it('writes one cue a line, line breaks inside a cue as spaces, empty cues skipped', () => {
    expect(plainText.serialize(cues)).toBe('And so my fellow Americans,\nask not what your country\ncan do for you.\nLater.\n');
    expect(plainText.serialize(cues, { eol: '\r\n' })).toBe('And so my fellow Americans,\r\nask not what your country\r\ncan do for you.\r\nLater.\r\n');
    expect(plainText.serialize([])).toBe('');
  });

  it('starts each line with [HH:MM:SS], seconds rounded down', () => {
    expect(plainText.serialize(cues, { timestamps: true })).toBe(
      '[00:00:00] And so my fellow Americans,\n[00:00:02] ask not what your country\n[00:00:09] can do for you.\n[01:02:05] Later.\n',
    );
  });

  it('joins cues into paragraphs, breaking where the pause is longer than the gap', () => {
    expect(plainText.serialize(cues, { paragraphGap: 300 })).toBe(
      'And so my fellow Americans, ask not what your country\n\ncan do for you.\n\nLater.\n',
    );
    expect(plainText.serialize(cues, { paragraphGap: 299, timestamps: true })).toBe(
      '[00:00:00] And so my fellow Americans,\n\n[00:00:02] ask not what your country\n\n[00:00:09] can do for you.\n\n[01:02:05] Later.\n',
    );
    expect(plainText.serialize(cues, { paragraphGap: 10_000_000 })).toBe('And so my fellow Americans, ask not what your country can do for you. Later.\n');
  });

  it('measures the pause from the latest end when cues overlap', () => {
    const overlapping: CueData[] = [
      { start: 0, end: 5000, text: 'long' },
      { start: 1000, end: 2000, text: 'inside' },
      { start: 5200, end: 6000, text: 'close to the long one' },
    ];
    expect(plainText.serialize(overlapping, { paragraphGap: 500 })).toBe('long inside close to the long one\n');
  });

  it('loses no words', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    const cue = fc.record({ start: fc.nat(10_000_000), length: fc.nat(10_000), words: fc.array(word, { minLength: 1, maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(cue, { maxLength: 20 }), fc.option(fc.nat(5000), { nil: undefined }), fc.boolean(), (raw, paragraphGap, timestamps) => {
        const input = raw.map(({ start, length, words }) => ({ start, end: start + length, text: words.join(' ') }));
        const out = plainText.serialize(input, { paragraphGap, timestamps });
        const written = out.replace(/\[\d\d:\d\d:\d\d\]/g, '').split(/\s+/).filter((w) => w !== '');
        expect(written).toEqual(raw.flatMap((c) => c.words));
      }),
    );
  });
});
