import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CueData } from '../../../../src/shared/cue';
import { whisperCsv } from '../../../../src/shared/formats/whisper-csv';
import { whisperTsv } from '../../../../src/shared/formats/whisper-tsv';
import { hasShared, sharedPath } from '../../shared-corpora';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/formats/${name}`, import.meta.url), 'utf8');
const read = (text: string) => whisperTsv.read(text);

describe('whisperTsv.read', () => {
  it("reads openai-whisper's TSV: header, integer milliseconds", () => {
    const text = fixture('jfk.openai-whisper.tsv');
    expect(whisperTsv.detect(text)).toBe(0.95);
    expect(read(text)).toEqual({
      cues: [
        { start: 0, end: 7620, text: 'And so, my fellow Americans, ask not what your country can do for you,' },
        { start: 8180, end: 10_600, text: 'ask what you can do for your country.' },
      ],
      diagnostics: [],
    });
  });

  it('reads CRLF, a BOM, blank lines, and tabs left in the text', () => {
    const { cues, diagnostics } = read('\uFEFFstart\tend\ttext\r\n\r\n100\t200\ta\tb\r\n300\t400\t\r\n');
    expect(diagnostics).toEqual([]);
    expect(cues).toEqual([
      { start: 100, end: 200, text: 'a\tb' },
      { start: 300, end: 400, text: '' },
    ]);
  });

  it('reports rows it cannot read by line and column, and keeps the others', () => {
    const text = 'start\tend\ttext\n100\t200\tok\n1x0\t300\tbad start\n400\n500\t450\tbackwards\n';
    const { cues, diagnostics } = read(text);
    expect(cues).toEqual([
      { start: 100, end: 200, text: 'ok' },
      { start: 500, end: 450, text: 'backwards' },
    ]);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message, d.cue])).toEqual([
      [3, 1, 'error', 'The start time "1x0" is not a number; the row is left out', undefined],
      [4, 1, 'error', 'Row has no end time; it is left out', undefined],
      [5, 1, 'warning', 'Row ends before it starts', 1],
    ]);
  });

  it.skipIf(!hasShared)("reads a headerless TSV in seconds (aeneas's sync map) and says how", () => {
    const text = readFileSync(sharedPath('media/aeneas-sonnet001/sonnet001.tsv'), 'utf8');
    expect(whisperTsv.detect(text, 'sonnet001.tsv')).toBe(0.6);
    const { cues, diagnostics } = read(text);
    expect(cues.length).toBe(15);
    expect(cues[0]).toEqual({ start: 0, end: 2680, text: 'f000001' });
    expect(cues.at(-1)).toEqual({ start: 48_080, end: 53_240, text: 'f000015' });
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [1, 1, 'info', 'No "start, end, text" header; the columns are read in that order'],
      [1, 1, 'info', 'Times have a decimal point: read as seconds, not milliseconds'],
    ]);
  });

  it('detects only tab-separated timings', () => {
    expect(whisperTsv.detect(fixture('jfk.whispercpp-ml16.csv'))).toBe(0);
    expect(whisperCsv.detect(fixture('jfk.openai-whisper.tsv'))).toBe(0);
    expect(whisperTsv.detect('1\n00:00:01,000 --> 00:00:02,000\nx\n')).toBe(0);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void read(text)));
  });
});

describe('whisperTsv.serialize', () => {
  it('writes what openai-whisper writes: tabs and line breaks in text become spaces', () => {
    const cues: CueData[] = [
      { start: 0, end: 1500.4, text: 'a\tb' },
      { start: 1500, end: 3000, text: 'two\nlines' },
    ];
    expect(whisperTsv.serialize!(cues)).toBe('start\tend\ttext\n0\t1500\ta b\n1500\t3000\ttwo lines\n');
    expect(whisperTsv.serialize!(cues, { eol: '\r\n' })).toBe('start\tend\ttext\r\n0\t1500\ta b\r\n1500\t3000\ttwo lines\r\n');
    expect(whisperTsv.serialize!(read(fixture('jfk.openai-whisper.tsv')).cues)).toBe(fixture('jfk.openai-whisper.tsv'));
  });

  it('round-trips cues', () => {
    const text = fc.string({ maxLength: 30 }).map((s) => s.replace(/[\t\r\n]/g, ' ').trim());
    const cue = fc.record({ start: fc.nat(36_000_000), length: fc.nat(60_000), text });
    fc.assert(
      fc.property(fc.array(cue, { maxLength: 20 }), (raw) => {
        const cues = raw.map(({ start, length, text: t }) => ({ start, end: start + length, text: t }));
        expect(read(whisperTsv.serialize!(cues))).toEqual({ cues, diagnostics: [] });
      }),
    );
  });
});
