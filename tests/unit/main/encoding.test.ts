import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, encodeText, UnreadableFileError } from '../../../src/main/services/encoding';
import { hasShared, sharedPath } from '../shared-corpora';

const SAMPLE = '1\n00:00:01,000 --> 00:00:02,000\nVicuña — “quoted” €5\n';

/** Decoding then encoding must give back the very same bytes. */
function roundTrip(bytes: Uint8Array): Uint8Array {
  const decoded = decodeText(bytes, 'test.srt');
  return encodeText(decoded.text.replace(/\r\n?/g, '\n'), decoded.encoding, decoded.bom, decoded.lineEnding);
}

describe('decodeText', () => {
  it.each([
    ['utf-8', false],
    ['utf-8', true],
    ['utf-16le', true],
    ['utf-16be', true],
    ['utf-32le', true],
    ['utf-32be', true],
  ])('detects %s (BOM %s) and writes identical bytes back', (encoding, bom) => {
    for (const eol of ['\n', '\r\n']) {
      const bytes = iconv.encode((bom ? '\uFEFF' : '') + SAMPLE.replace(/\n/g, eol), encoding);
      const decoded = decodeText(bytes, 'x.srt');
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.bom).toBe(bom);
      expect(decoded.text).toBe(SAMPLE.replace(/\n/g, eol));
      expect(Buffer.from(roundTrip(bytes)).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('reads UTF-16 without a BOM', () => {
    const decoded = decodeText(iconv.encode(SAMPLE, 'utf-16le'), 'x.srt');
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toBe(SAMPLE);
  });

  it('decodes windows-1252 punctuation that Node’s TextDecoder gets wrong', () => {
    const bytes = iconv.encode('1\n00:00:01,000 --> 00:00:02,000\nIt’s “great” — €5, naïve café, über, señor, déjà vu, très\n', 'windows-1252');
    const decoded = decodeText(bytes, 'old.srt');
    expect(decoded.text).toContain('It’s “great” — €5');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.notices.join(' ')).toMatch(/not UTF-8/);
    expect(Buffer.from(roundTrip(bytes)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('keeps damaged UTF-8 as UTF-8 with replacement characters and says so', () => {
    const good = Buffer.from('Vicuña café señor\n', 'utf8');
    const bytes = Buffer.concat([good, Buffer.from([0xff]), good]);
    const decoded = decodeText(bytes, 'damaged.srt');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('\uFFFD');
    expect(decoded.notices[0]).toBe('damaged.srt is UTF-8 with 1 invalid byte(s), shown as � on line 2.');
  });

  it('refuses binary files with a message naming the file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeText(png, 'picture.srt')).toThrow(UnreadableFileError);
    expect(() => decodeText(png, 'picture.srt')).toThrow(/picture\.srt looks like a binary file/);
  });

  it('notes mixed line endings', () => {
    expect(decodeText(Buffer.from('a\r\nb\nc\r\n'), 'm.srt').notices[0]).toMatch(/Mixed line endings/);
  });

  it.skipIf(!hasShared)('reads the GB2312 copy of the cdown corpus file', () => {
    const bytes = readFileSync(sharedPath('corpora/cdown-srt/srt_tools/tests/files/gb2312.srt'));
    const decoded = decodeText(bytes, 'gb2312.srt');
    expect(decoded.encoding).toMatch(/gb/i);
    expect(decoded.text).not.toContain('\uFFFD');
    expect(Buffer.from(roundTrip(bytes)).equals(bytes)).toBe(true);
  });
});
