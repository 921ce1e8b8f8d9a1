import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../src/shared/formats';
import { whisper } from '../../../../src/shared/formats/whisper';
import { hasShared, sharedPath } from '../../shared-corpora';

describe('whisper.parse', () => {
  it('reads whisper.cpp console lines with offsets', () => {
    const text = '[00:00:00.000 --> 00:00:04.140]   And so my fellow Americans\n[00:04.140 --> 00:05.660]  ask not\n';
    const { cues, diagnostics } = whisper.parse(text);
    expect(diagnostics).toEqual([]);
    expect(cues.map((c) => [c.start, c.end, c.text])).toEqual([
      [0, 4140, 'And so my fellow Americans'],
      [4140, 5660, 'ask not'],
    ]);
    expect(text.slice(cues[0]!.timingFrom, cues[0]!.timingTo)).toBe('[00:00:00.000 --> 00:00:04.140]');
    expect(text.slice(cues[1]!.textFrom, cues[1]!.textTo)).toBe('ask not');
  });

  it('continues a cue on following lines without a time code', () => {
    const { cues } = whisper.parse('[00:00:01.000 --> 00:00:02.000]  one\ntwo\n\n[00:00:03.000 --> 00:00:04.000]  three');
    expect(cues.map((c) => c.text)).toEqual(['one\ntwo', 'three']);
  });

  it('reports stray text and broken time codes by line', () => {
    const { cues, diagnostics } = whisper.parse('hello\n[00:00:01.000 --> 00:00:02.000]  ok\n\n[00:00:61.000 --> 00:00:62.000]  bad\n[00:00:01.000 -> 00:00:02.000] x');
    expect(cues.map((c) => c.text)).toEqual(['ok']);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [1, 'warning'],
      [4, 'error'],
      [5, 'warning'],
    ]);
  });

  it.skipIf(!hasShared)('reads the whisper.cpp README transcripts of jfk.wav', () => {
    const text = readFileSync(sharedPath('media/jfk/jfk.whispercpp-readme-ml16-segments.txt'), 'utf8');
    expect(detectFormat(text)?.id).toBe('whisper');
    const { cues } = whisper.parse(text);
    expect(cues.length).toBe(9);
    expect(cues.at(-1)).toMatchObject({ start: 10_020, end: 11_000, text: 'country.' });
  });

  it('round-trips cues', () => {
    const line = fc.stringMatching(/^\S[^\r\n]*$/).filter((l) => !/^\s*\[.*-->/.test(l));
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.integer({ min: 0, max: 99 * 3_600_000 }), length: fc.nat(60_000), text: line }), { maxLength: 20 }),
        (raw) => {
          const cues = raw.map((c) => ({ start: c.start, end: c.start + c.length, text: c.text }));
          const back = whisper.parse(whisper.serialize(cues)).cues.map(({ start, end, text }) => ({ start, end, text }));
          expect(back).toEqual(cues);
        },
      ),
    );
  });

  it('parse never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void whisper.parse(text)));
  });
});
