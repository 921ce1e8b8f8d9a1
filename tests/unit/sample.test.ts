/** The bundled sample has every flaw it promises (README, empty state). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, readCues } from '../../src/shared/formats';
import { srt } from '../../src/shared/formats/srt';

const folder = path.resolve(import.meta.dirname, '../../resources/sample');

describe('sample', () => {
  const text = readFileSync(path.join(folder, 'sample.txt'), 'utf8');
  const format = detectFormat(text, 'sample.txt')!;
  const { cues, diagnostics } = readCues(format, text);
  const reference = srt.parse(readFileSync(path.join(folder, 'sample-reference.srt'), 'utf8')).cues;

  it('is a clean whisper-style transcript', () => {
    expect(format.id).toBe('whisper');
    expect(diagnostics).toEqual([]);
  });

  it('runs about half a second late against the true timings', () => {
    const lags = reference.slice(0, 3).map((r, i) => cues[i]!.start - r.start);
    for (const lag of lags) expect(Math.abs(lag - 500)).toBeLessThanOrEqual(10);
  });

  it('repeats a sentence three times, has a 40 ms cue, mojibake and an over-long line', () => {
    const counts = new Map<string, number>();
    for (const cue of cues) counts.set(cue.text, (counts.get(cue.text) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBe(3);
    expect(cues.some((c) => c.end - c.start === 40 && c.text.length > 20)).toBe(true);
    expect(cues.some((c) => c.text.includes('VicuÃ±a'))).toBe(true);
    expect(cues.some((c) => c.text.length > 84 && !c.text.includes('\n'))).toBe(true);
  });
});
