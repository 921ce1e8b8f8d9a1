import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AudioAnalyzer, SILENCE_DB } from '../../../src/shared/audio/analysis';

const sine = (amplitude: number, seconds: number, rate = 8000, frequency = 400) =>
  Int16Array.from({ length: Math.round(seconds * rate) }, (_, i) => Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * frequency * i) / rate)));

describe('AudioAnalyzer', () => {
  it('gives one min/max pair per 10 ms and the RMS level per 10 ms', () => {
    const analyzer = new AudioAnalyzer();
    analyzer.push(sine(0.5, 1));
    const result = analyzer.finish();
    expect(result.duration).toBe(1);
    expect(result.peaks.length).toBe(200);
    expect(result.energy.length).toBe(100);
    for (let i = 0; i < 100; i++) {
      expect(result.peaks[2 * i]).toBe(-64);
      expect(result.peaks[2 * i + 1]).toBe(64);
      // After the energy high-pass settles (a few ms), a 400 Hz tone passes at −0.04 dB.
      if (i >= 3) expect(result.energy[i]).toBeCloseTo(20 * Math.log10(0.5 / Math.SQRT2), 1);
    }
  });

  it('gives the same result however the samples are chunked', () => {
    const samples = sine(0.3, 0.37);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 40 }), (cuts) => {
        const whole = new AudioAnalyzer();
        whole.push(samples);
        const split = new AudioAnalyzer();
        let at = 0;
        for (const cut of cuts) {
          split.push(samples.subarray(at, Math.min(samples.length, at + cut)));
          at = Math.min(samples.length, at + cut);
        }
        split.push(samples.subarray(at));
        const a = whole.finish();
        const b = split.finish();
        expect(Array.from(b.peaks)).toEqual(Array.from(a.peaks));
        expect(Array.from(b.energy)).toEqual(Array.from(a.energy));
      }),
    );
  });

  it('measures energy above 120 Hz: a 50 Hz hum counts for little', () => {
    const hum = new AudioAnalyzer();
    hum.push(sine(0.5, 1, 8000, 50));
    const voice = new AudioAnalyzer();
    voice.push(sine(0.5, 1, 8000, 400));
    const level = (a: AudioAnalyzer) => Math.max(...a.finish().energy.subarray(20));
    expect(level(voice) - level(hum)).toBeGreaterThan(15);
  });

  it('floors digital silence and keeps a partial last frame', () => {
    const analyzer = new AudioAnalyzer();
    analyzer.push(new Int16Array(8005));
    const result = analyzer.finish();
    expect(result.energy.length).toBe(101);
    expect(result.energy.every((db) => db === SILENCE_DB)).toBe(true);
    expect(result.duration).toBeCloseTo(1.000625, 6);
  });

  it('works at any input rate (WAV files are analysed at their own rate)', () => {
    const analyzer = new AudioAnalyzer({ sampleRate: 44100, peaksPerSecond: 100, energyFrameMs: 10 });
    analyzer.push(sine(0.5, 2, 44100));
    const result = analyzer.finish();
    expect(result.peaks.length).toBe(400);
    expect(result.energy.length).toBe(200);
  });
});
