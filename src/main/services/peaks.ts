/**
 * Waveform peaks from any media file in one streaming pass: ffmpeg decodes to mono
 * 16-bit PCM at a low rate on a pipe and we keep only a min/max pair per 1/rate second,
 * so memory does not grow with the length of the recording beyond the peaks themselves.
 */
import { spawn } from 'node:child_process';
import type { PeaksData } from '../../shared/api';
import { UserError } from './user-error';

export const DECODE_SAMPLE_RATE = 8000;
export const PEAKS_PER_SECOND = 100;

/** Accumulates min/max pairs from 16-bit little-endian mono PCM chunks. */
export class PeakAccumulator {
  private readonly samplesPerPeak: number;
  private chunks: Int8Array[] = [];
  private current = new Int8Array(65536);
  private used = 0;
  private min = 0;
  private max = 0;
  private inBucket = 0;
  private leftover: number | null = null;
  samples = 0;

  constructor(sampleRate = DECODE_SAMPLE_RATE, peaksPerSecond = PEAKS_PER_SECOND) {
    this.samplesPerPeak = Math.max(1, Math.round(sampleRate / peaksPerSecond));
  }

  push(chunk: Uint8Array): void {
    let offset = 0;
    if (this.leftover !== null && chunk.length > 0) {
      const value = ((chunk[0]! << 8) | this.leftover) << 16 >> 16;
      this.leftover = null;
      this.take(value);
      offset = 1;
    }
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const end = offset + ((chunk.length - offset) & ~1);
    for (let i = offset; i < end; i += 2) this.take(view.getInt16(i, true));
    if (end < chunk.length) this.leftover = chunk[end]!;
  }

  private take(value: number): void {
    if (this.inBucket === 0) {
      this.min = value;
      this.max = value;
    } else if (value < this.min) this.min = value;
    else if (value > this.max) this.max = value;
    this.samples++;
    if (++this.inBucket === this.samplesPerPeak) this.flushBucket();
  }

  private flushBucket(): void {
    if (this.used + 2 > this.current.length) {
      this.chunks.push(this.current);
      this.current = new Int8Array(this.current.length);
      this.used = 0;
    }
    // 32767 → 127, −32768 → −128 clamped to −127 so the scale is symmetric.
    this.current[this.used++] = Math.max(-127, Math.round(this.min / 258));
    this.current[this.used++] = Math.min(127, Math.round(this.max / 258));
    this.inBucket = 0;
  }

  finish(): Int8Array {
    if (this.inBucket > 0) this.flushBucket();
    const total = this.chunks.reduce((n, c) => n + c.length, 0) + this.used;
    const out = new Int8Array(total);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    out.set(this.current.subarray(0, this.used), at);
    return out;
  }
}

export function computePeaksWithFfmpeg(ffmpeg: string, file: string, name: string): Promise<PeaksData> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      ffmpeg,
      ['-nostdin', '-v', 'error', '-i', file, '-vn', '-ac', '1', '-ar', String(DECODE_SAMPLE_RATE), '-f', 's16le', '-'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const accumulator = new PeakAccumulator();
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => accumulator.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    child.on('error', (error) => reject(new UserError(`Could not run ffmpeg for ${name}: ${error.message}`)));
    child.on('close', (code) => {
      if (code !== 0 || accumulator.samples === 0) {
        const detail = stderr.trim().split('\n').slice(-2).join(' ') || `ffmpeg exited with code ${code}`;
        reject(new UserError(`Could not read the audio of ${name}: ${detail}`));
        return;
      }
      resolve({
        duration: accumulator.samples / DECODE_SAMPLE_RATE,
        rate: PEAKS_PER_SECOND,
        peaks: accumulator.finish(),
      });
    });
  });
}
