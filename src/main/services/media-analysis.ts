/**
 * Analysing a recording (peaks + energy) in one streaming pass, with progress, time
 * remaining and cancellation: ffmpeg decodes to mono 8 kHz PCM on a pipe, or a WAV is read
 * natively. Results go through the disk cache, so a second open is immediate.
 */
import { spawn } from 'node:child_process';
import { AudioAnalyzer, DEFAULT_ANALYSIS, type AnalysisConfig, type AudioAnalysis } from '../../shared/audio/analysis';
import { fingerprint, type MediaCache } from './media-cache';
import { isWav } from './probe';
import { UserError } from './user-error';
import { readWavHeader, readWavMono } from './wav';

export interface AnalysisProgress {
  state: 'running' | 'done' | 'failed' | 'canceled';
  /** 0…1 of the recording analysed. */
  fraction: number;
  /** Estimated from the pace so far; null until there is a pace. */
  secondsRemaining: number | null;
  /** Why it failed, for people. */
  message?: string;
}

export interface AnalysisRequest {
  file: string;
  name: string;
  /** Index among the file's audio streams. */
  track: number;
  /** Seconds, from the probe (for progress); null when unknown. */
  duration: number | null;
  ffmpeg: string | null;
  cache: MediaCache | null;
  /** Waveform resolution; the default is what the app uses (and caches). */
  peaksPerSecond?: number;
}

export class CanceledError extends Error {
  constructor() {
    super('Canceled');
  }
}

/** Turns byte chunks of 16-bit little-endian PCM into sample arrays, carrying a split sample over. */
export class PcmChunker {
  private carry: number | null = null;
  take(chunk: Buffer): Int16Array {
    let bytes = chunk;
    if (this.carry !== null) {
      bytes = Buffer.concat([Buffer.from([this.carry]), chunk]);
      this.carry = null;
    }
    if (bytes.length % 2 === 1) {
      this.carry = bytes[bytes.length - 1]!;
      bytes = bytes.subarray(0, bytes.length - 1);
    }
    if (bytes.byteOffset % 2 !== 0) bytes = Buffer.from(bytes);
    return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  }
}

export class AnalysisJob {
  readonly result: Promise<AudioAnalysis>;
  private readonly controller = new AbortController();
  private state: AnalysisProgress['state'] = 'running';
  private analyzedSeconds = 0;
  private readonly startedAt = Date.now();
  private failure: string | undefined;

  constructor(private readonly request: AnalysisRequest) {
    this.result = this.run();
    this.result.then(
      () => (this.state = 'done'),
      (error: unknown) => {
        if (error instanceof CanceledError) this.state = 'canceled';
        else {
          this.state = 'failed';
          this.failure = error instanceof Error ? error.message : String(error);
        }
      },
    );
  }

  progress(): AnalysisProgress {
    const duration = this.request.duration;
    const fraction = this.state === 'done' ? 1 : duration ? Math.min(1, this.analyzedSeconds / duration) : 0;
    const elapsed = (Date.now() - this.startedAt) / 1000;
    const secondsRemaining = this.state === 'running' && fraction > 0.01 ? (elapsed / fraction) * (1 - fraction) : null;
    return { state: this.state, fraction, secondsRemaining, ...(this.failure ? { message: this.failure } : {}) };
  }

  cancel(): void {
    this.controller.abort();
  }

  private config(sampleRate: number): AnalysisConfig {
    return { ...DEFAULT_ANALYSIS, sampleRate, peaksPerSecond: this.request.peaksPerSecond ?? DEFAULT_ANALYSIS.peaksPerSecond };
  }

  private async run(): Promise<AudioAnalysis> {
    const { file, track } = this.request;
    // Only the app's own resolution is cached.
    const cache = (this.request.peaksPerSecond ?? DEFAULT_ANALYSIS.peaksPerSecond) === DEFAULT_ANALYSIS.peaksPerSecond ? this.request.cache : null;
    const key = await fingerprint(file, track);
    const cached = await cache?.getAnalysis(key);
    if (cached) return cached;
    const analysis = track === 0 && (await isWav(file)) ? await this.analyzeWav() : await this.analyzeWithFfmpeg();
    await cache?.putAnalysis(key, analysis).catch(() => undefined); // a full disk must not lose the result
    return analysis;
  }

  private async analyzeWav(): Promise<AudioAnalysis> {
    const info = await readWavHeader(this.request.file);
    const analyzer = new AudioAnalyzer(this.config(info.sampleRate));
    try {
      for await (const samples of readWavMono(this.request.file, info, this.controller.signal)) {
        analyzer.push(samples);
        this.analyzedSeconds = analyzer.position;
      }
    } catch (error) {
      if (this.controller.signal.aborted) throw new CanceledError();
      throw error;
    }
    return analyzer.finish();
  }

  private analyzeWithFfmpeg(): Promise<AudioAnalysis> {
    const { ffmpeg, file, name, track } = this.request;
    if (!ffmpeg) return Promise.reject(new UserError(`Cannot read ${name}: ffmpeg is missing.`));
    const analyzer = new AudioAnalyzer(this.config(DEFAULT_ANALYSIS.sampleRate));
    return new Promise((resolve, reject) => {
      const child = spawn(
        ffmpeg,
        [
          ...['-nostdin', '-v', 'error', '-i', file, '-map', `0:a:${track}`, '-vn', '-sn', '-dn', '-ac', '1'],
          // A short resampling filter: peaks and 10 ms energy need no audiophile band edge,
          // and the default filter costs a third of the decoding time again.
          ...['-af', `aresample=${analyzer.config.sampleRate}:filter_size=8`],
          // Without this ffmpeg flushes the pipe after every packet: 50 times more reads for
          // Node, which made the pass twice as slow as decoding alone.
          ...['-flush_packets', '0', '-f', 's16le', '-'],
        ],
        { stdio: ['ignore', 'pipe', 'pipe'], signal: this.controller.signal },
      );
      const chunker = new PcmChunker();
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        analyzer.push(chunker.take(chunk));
        this.analyzedSeconds = analyzer.position;
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < 4000) stderr += chunk.toString();
      });
      child.on('error', (error) => {
        if (this.controller.signal.aborted) reject(new CanceledError());
        else reject(new UserError(`Could not run ffmpeg for ${name}: ${error.message}`));
      });
      child.on('close', (code) => {
        if (this.controller.signal.aborted) return reject(new CanceledError());
        if (code !== 0 || analyzer.position === 0) {
          const detail = stderr.trim().split('\n').slice(-2).join(' ') || `ffmpeg exited with code ${code}`;
          return reject(new UserError(`Could not read the audio of ${name}: ${detail}`));
        }
        resolve(analyzer.finish());
      });
    });
  }
}
