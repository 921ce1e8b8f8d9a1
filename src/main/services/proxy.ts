/**
 * Making an editing proxy with ffmpeg: one audio track re-encoded as AAC in MP4, which
 * browsers seek to the exact sample (VBR MP3s are seeked by estimate, off by seconds on
 * long files). Progress comes from ffmpeg's `-progress` output; written to a temporary
 * name and renamed, so a canceled or failed run leaves nothing half-made in the cache.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { CanceledError, type AnalysisProgress } from './media-analysis';
import { UserError } from './user-error';

export interface ProxyRequest {
  ffmpeg: string;
  source: string;
  track: number;
  target: string;
  duration: number | null;
  name: string;
}

export class ProxyJob {
  readonly result: Promise<void>;
  private readonly controller = new AbortController();
  private state: AnalysisProgress['state'] = 'running';
  private doneSeconds = 0;
  private readonly startedAt = Date.now();

  constructor(private readonly request: ProxyRequest) {
    this.result = this.run();
    this.result.then(
      () => (this.state = 'done'),
      (error: unknown) => (this.state = error instanceof CanceledError ? 'canceled' : 'failed'),
    );
  }

  progress(): AnalysisProgress {
    const duration = this.request.duration;
    const fraction = this.state === 'done' ? 1 : duration ? Math.min(1, this.doneSeconds / duration) : 0;
    const elapsed = (Date.now() - this.startedAt) / 1000;
    return { state: this.state, fraction, secondsRemaining: this.state === 'running' && fraction > 0.01 ? (elapsed / fraction) * (1 - fraction) : null };
  }

  cancel(): void {
    this.controller.abort();
  }

  private run(): Promise<void> {
    const { ffmpeg, source, track, target, name } = this.request;
    const partial = `${target}.partial.m4a`;
    return new Promise<void>((resolve, reject) => {
      const child = spawn(
        ffmpeg,
        ['-nostdin', '-v', 'error', '-y', '-i', source, '-map', `0:a:${track}`, '-vn', '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', '-progress', 'pipe:1', partial],
        { stdio: ['ignore', 'pipe', 'pipe'], signal: this.controller.signal },
      );
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /out_time_us=(\d+)\s*$/m.exec(chunk.toString());
        if (match) this.doneSeconds = Number(match[1]) / 1e6;
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < 4000) stderr += chunk.toString();
      });
      child.on('error', (error) => reject(this.controller.signal.aborted ? new CanceledError() : new UserError(`Could not run ffmpeg for ${name}: ${error.message}`)));
      child.on('close', (code) => {
        if (this.controller.signal.aborted) return reject(new CanceledError());
        if (code !== 0) return reject(new UserError(`Could not make an editing copy of ${name}: ${stderr.trim().split('\n').at(-1) ?? `ffmpeg exited with code ${code}`}`));
        resolve();
      });
    }).then(
      () => fs.rename(partial, target),
      async (error: unknown) => {
        await fs.rm(partial, { force: true });
        throw error;
      },
    );
  }
}
