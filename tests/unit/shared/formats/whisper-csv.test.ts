import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CueData } from '../../../../src/shared/cue';
import { whisperCsv } from '../../../../src/shared/formats/whisper-csv';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/formats/${name}`, import.meta.url), 'utf8');
const read = (text: string) => whisperCsv.read(text);

describe('whisperCsv.read', () => {
  it("reads whisper.cpp's -ocsv: integer ms, quoted text with its leading space trimmed", () => {
    const text = fixture('jfk.whispercpp-ml16.csv');
    expect(whisperCsv.detect(text)).toBe(0.95);
    const { cues, diagnostics } = read(text);
    expect(diagnostics).toEqual([]);
    expect(cues.slice(0, 3)).toEqual([
      { start: 0, end: 850, text: 'And so my' },
      { start: 850, end: 1590, text: 'fellow' },
      { start: 1590, end: 4140, text: 'Americans, ask' },
    ]);
    expect(cues.length).toBe(9);
    expect(cues.at(-1)).toEqual({ start: 10_020, end: 11_000, text: 'country.' });
  });

  it('reads quoted commas, doubled quotes, line breaks inside quotes and CRLF; the --diarize speaker column', () => {
    const text = 'start,end,speaker,text\r\n0,1000,0," He said ""hi, you"""\r\n1000,2000,1,"two\r\nlines"\r\n2000,3000,?,"x"';
    expect(whisperCsv.detect(text)).toBe(0.95);
    expect(read(text)).toEqual({
      cues: [
        { start: 0, end: 1000, text: 'He said "hi, you"', meta: { speaker: '0' } },
        { start: 1000, end: 2000, text: 'two\nlines', meta: { speaker: '1' } },
        { start: 2000, end: 3000, text: 'x', meta: { speaker: '?' } },
      ],
      diagnostics: [],
    });
  });

  it('is lenient with broken quoting and unquoted commas, and says where', () => {
    const text = 'start,end,text\n0,1000,"closed" late\n1000,2000,Hello, world\n2000,3000,"never closed, here\n3000,4000,"next"\n';
    const { cues, diagnostics } = read(text);
    expect(cues).toEqual([
      { start: 0, end: 1000, text: 'closed late' },
      { start: 1000, end: 2000, text: 'Hello, world' },
      { start: 2000, end: 3000, text: '"never closed, here' },
      { start: 3000, end: 4000, text: 'next' },
    ]);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [2, 16, 'warning', 'Text after a closing quote; kept as part of the field'],
      [4, 11, 'warning', 'A quoted field is never closed; read as plain text to the end of its line'],
    ]);
  });

  it('reports unreadable rows by line and column', () => {
    const { cues, diagnostics } = read('start,end,text\n0,abc,"x"\n,\n5,6,"ok"\n');
    expect(cues).toEqual([{ start: 5, end: 6, text: 'ok' }]);
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [2, 3, 'The end time "abc" is not a number; the row is left out'],
      [3, 1, 'The start time "" is not a number; the row is left out'],
    ]);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void read(text)));
    const fragment = fc.constantFrom('"', '""', ',', '\n', '\r', '\r\n', '1', '.5', 'start', 'end', 'text', 'a');
    fc.assert(fc.property(fc.array(fragment, { maxLength: 60 }), (parts) => void read(parts.join(''))));
  });
});

describe('whisperCsv.serialize', () => {
  it('writes what whisper.cpp writes: quoted text, a speaker column when there are speakers', () => {
    expect(whisperCsv.serialize!([{ start: 0, end: 850, text: 'And "so"' }])).toBe('start,end,text\n0,850,"And ""so"""\n');
    const cues: CueData[] = [
      { start: 0, end: 1000, text: 'a', meta: { speaker: '0' } },
      { start: 1000, end: 2000, text: 'b, c' },
      { start: 2000, end: 3000, text: 'd', meta: { speaker: 'Dr. "X", MD' } },
    ];
    expect(whisperCsv.serialize!(cues, { eol: '\r\n' })).toBe('start,end,speaker,text\r\n0,1000,0,"a"\r\n1000,2000,,"b, c"\r\n2000,3000,"Dr. ""X"", MD","d"\r\n');
  });

  it('round-trips cues and speakers', () => {
    const text = fc.string({ maxLength: 30 }).map((s) => s.replace(/\r/g, '').trim());
    const speaker = fc.option(fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.replace(/\r/g, '').trim()).filter((s) => s !== ''), { nil: undefined });
    const cue = fc.record({ start: fc.nat(36_000_000), length: fc.nat(60_000), text, speaker });
    fc.assert(
      fc.property(fc.array(cue, { maxLength: 20 }), (raw) => {
        const cues: CueData[] = raw.map(({ start, length, text: t, speaker: s }) => (s === undefined ? { start, end: start + length, text: t } : { start, end: start + length, text: t, meta: { speaker: s } }));
        expect(read(whisperCsv.serialize!(cues))).toEqual({ cues, diagnostics: [] });
      }),
    );
  });
});
