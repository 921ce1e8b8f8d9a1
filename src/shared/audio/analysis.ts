/**
 * One pass over decoded audio (mono 16-bit PCM) gives both things Cuesmith needs from a
 * recording: min/max peaks for the waveform (about 100 pairs a second, scaled to −127…127)
 * and an energy track (RMS in dBFS every 10 ms, above 120 Hz) for speech detection and sync. Memory is
 * the output only: a 3-hour recording gives ~2 MB of peaks and ~4 MB of energy.
 */

export interface AnalysisConfig {
  /** Rate of the PCM fed in. */
  sampleRate: number;
  peaksPerSecond: number;
  /** Length of one energy frame. */
  energyFrameMs: number;
}

export const DEFAULT_ANALYSIS: AnalysisConfig = { sampleRate: 8000, peaksPerSecond: 100, energyFrameMs: 10 };

export interface AudioAnalysis extends AnalysisConfig {
  /** Seconds of audio analysed. */
  duration: number;
  /** Interleaved min, max per peak, −127…127. */
  peaks: Int8Array;
  /** RMS level of each frame in dBFS, floored at SILENCE_DB. */
  energy: Float32Array;
}

/** The level given to digital silence (and anything quieter). */
export const SILENCE_DB = -100;

/**
 * The energy track is measured after a high-pass at this frequency: breaths, sniffs, mic
 * handling and room rumble sit below it, speech hardly does. On the MFA recordings it lifts
 * the pauses found from 56 % to 100 % (tests/unit/shared/speech.test.ts). Peaks are unfiltered.
 */
export const ENERGY_HIGH_PASS_HZ = 120;

/** A second-order Butterworth high-pass (RBJ cookbook biquad, Q = 1/√2), state kept across chunks. */
class HighPass {
  private readonly b0: number;
  private readonly b1: number;
  private readonly a1: number;
  private readonly a2: number;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(cutoffHz: number, sampleRate: number) {
    const w = (2 * Math.PI * Math.min(cutoffHz, sampleRate / 4)) / sampleRate;
    const alpha = Math.sin(w) / Math.SQRT2;
    const cos = Math.cos(w);
    const a0 = 1 + alpha;
    this.b0 = (1 + cos) / 2 / a0; // b2 equals b0
    this.b1 = -(1 + cos) / a0;
    this.a1 = (-2 * cos) / a0;
    this.a2 = (1 - alpha) / a0;
  }

  next(x: number): number {
    const y = this.b0 * (x + this.x2) + this.b1 * this.x1 - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

/** Growable typed storage: chunks of a fixed size, joined once at the end. */
class Chunked<T extends Int8Array | Float32Array> {
  private readonly full: T[] = [];
  private current: T;
  private used = 0;
  constructor(private readonly make: (length: number) => T, private readonly chunk = 65536) {
    this.current = make(chunk);
  }
  push(value: number): void {
    if (this.used === this.chunk) {
      this.full.push(this.current);
      this.current = this.make(this.chunk);
      this.used = 0;
    }
    this.current[this.used++] = value;
  }
  get length(): number {
    return this.full.length * this.chunk + this.used;
  }
  join(): T {
    const out = this.make(this.length);
    let at = 0;
    for (const part of this.full) {
      out.set(part, at);
      at += part.length;
    }
    out.set(this.current.subarray(0, this.used), at);
    return out;
  }
}

export class AudioAnalyzer {
  private readonly samplesPerPeak: number;
  private readonly samplesPerFrame: number;
  private readonly peaks = new Chunked((n) => new Int8Array(n));
  private readonly energy = new Chunked((n) => new Float32Array(n));
  private min = 0;
  private max = 0;
  private inPeak = 0;
  private sumSquares = 0;
  private inFrame = 0;
  private samples = 0;
  private readonly highPass: HighPass;

  constructor(readonly config: AnalysisConfig = DEFAULT_ANALYSIS) {
    this.samplesPerPeak = Math.max(1, Math.round(config.sampleRate / config.peaksPerSecond));
    this.samplesPerFrame = Math.max(1, Math.round((config.sampleRate * config.energyFrameMs) / 1000));
    this.highPass = new HighPass(ENERGY_HIGH_PASS_HZ, config.sampleRate);
  }

  /** Seconds analysed so far. */
  get position(): number {
    return this.samples / this.config.sampleRate;
  }

  push(pcm: Int16Array): void {
    const { samplesPerPeak, samplesPerFrame } = this;
    let { min, max, inPeak, sumSquares, inFrame } = this;
    for (let i = 0; i < pcm.length; i++) {
      const value = pcm[i]!;
      if (inPeak === 0) {
        min = value;
        max = value;
      } else if (value < min) min = value;
      else if (value > max) max = value;
      if (++inPeak === samplesPerPeak) {
        this.pushPeak(min, max);
        inPeak = 0;
      }
      const filtered = this.highPass.next(value);
      sumSquares += filtered * filtered;
      if (++inFrame === samplesPerFrame) {
        this.pushFrame(sumSquares, inFrame);
        sumSquares = 0;
        inFrame = 0;
      }
    }
    this.samples += pcm.length;
    Object.assign(this, { min, max, inPeak, sumSquares, inFrame });
  }

  private pushPeak(min: number, max: number): void {
    // 32767 → 127 and −32768 → −127: a symmetric scale, rounded the same way on both sides.
    this.peaks.push(Math.max(-127, -Math.round(-min / 258)));
    this.peaks.push(Math.min(127, Math.round(max / 258)));
  }

  private pushFrame(sumSquares: number, count: number): void {
    const meanSquare = sumSquares / count / (32768 * 32768);
    this.energy.push(meanSquare > 0 ? Math.max(SILENCE_DB, 10 * Math.log10(meanSquare)) : SILENCE_DB);
  }

  /** The analysis so far, including the partial last peak and frame. */
  finish(): AudioAnalysis {
    if (this.inPeak > 0) this.pushPeak(this.min, this.max);
    if (this.inFrame > 0) this.pushFrame(this.sumSquares, this.inFrame);
    this.inPeak = 0;
    this.inFrame = 0;
    this.sumSquares = 0;
    return {
      ...this.config,
      duration: this.samples / this.config.sampleRate,
      peaks: this.peaks.join(),
      energy: this.energy.join(),
    };
  }
}
