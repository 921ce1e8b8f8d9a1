import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { findFfmpeg } from '../../../src/main/services/ffmpeg';
import { MediaStore } from '../../../src/main/services/media';
import { PeakAccumulator } from '../../../src/main/services/peaks';
import { useTempDir } from './temp';

const ffmpeg = findFfmpeg();

describe('PeakAccumulator', () => {
  it('keeps one min/max pair per bucket, across chunk boundaries', () => {
    const samples = new Int16Array([0, 32767, -32768, 100, -100, 5, 7, 8]);
    const bytes = new Uint8Array(samples.buffer);
    const acc = new PeakAccumulator(4, 1); // 4 samples per peak
    acc.push(bytes.subarray(0, 3)); // split in the middle of a sample
    acc.push(bytes.subarray(3));
    // Bucket 1: −32768…32767 → the full −127…127; bucket 2: −100…8 → about 0 at 8-bit precision.
    expect(Array.from(acc.finish())).toEqual([-127, 127, 0, 0]);
    expect(acc.samples).toBe(8);
  });
});

describe.skipIf(!ffmpeg)('MediaStore with ffmpeg', () => {
  const temp = useTempDir();

  function tone(file: string, seconds: number, amplitude: number) {
    const source = `aevalsrc=${amplitude}*sin(2*PI*440*t):s=16000:d=${seconds}`;
    execFileSync(ffmpeg!, ['-v', 'error', '-f', 'lavfi', '-i', source, '-c:a', 'libopus', '-b:a', '64k', file]);
  }

  it('computes peaks of a tone of known amplitude and length', async () => {
    const file = path.join(temp.path, 'tone.ogg');
    tone(file, 3, 0.5);
    const store = new MediaStore((id) => `/media/${id}`);
    const media = await store.openFile(file);
    expect(media).toMatchObject({ kind: 'audio', url: `/media/${media.id}`, name: 'tone.ogg' });
    const peaks = await store.peaks(media.id);
    expect(peaks.rate).toBe(100);
    expect(peaks.duration).toBeCloseTo(3, 1);
    expect(peaks.peaks.length).toBe(Math.ceil(peaks.duration * 100) * 2);
    // Away from the codec's start-up, every 10 ms holds a full sine period: ±0.5 → ±64.
    const middle = Array.from(peaks.peaks.subarray(100, 500));
    const maxima = middle.filter((_, i) => i % 2 === 1);
    const minima = middle.filter((_, i) => i % 2 === 0);
    expect(Math.min(...maxima)).toBeGreaterThanOrEqual(58);
    expect(Math.max(...maxima)).toBeLessThanOrEqual(70);
    expect(Math.max(...minima)).toBeLessThanOrEqual(-58);
    expect(Math.min(...minima)).toBeGreaterThanOrEqual(-70);
  });

  it('gives a clear error for a file that is not media', async () => {
    const file = path.join(temp.path, 'fake.mp3');
    writeFileSync(file, 'this is not audio');
    const store = new MediaStore((id) => id);
    const media = await store.openFile(file);
    await expect(store.peaks(media.id)).rejects.toThrow(/Could not read the audio of fake\.mp3/);
  });
});

describe('MediaStore', () => {
  const temp = useTempDir();

  it('refuses unknown kinds and missing files by name', async () => {
    const store = new MediaStore((id) => id);
    writeFileSync(path.join(temp.path, 'notes.docx'), 'x');
    await expect(store.openFile(path.join(temp.path, 'notes.docx'))).rejects.toThrow(/notes\.docx is not a media file/);
    await expect(store.openFile(path.join(temp.path, 'gone.mp3'))).rejects.toThrow(/gone\.mp3: the file or its folder does not exist/);
  });

  it('explains how to install ffmpeg when it is missing', async () => {
    const file = path.join(temp.path, 'a.mp3');
    writeFileSync(file, 'x');
    const store = new MediaStore((id) => id, { PATH: '' });
    const media = await store.openFile(file);
    await expect(store.peaks(media.id)).rejects.toThrow(/ffmpeg was not found.*apt install ffmpeg/);
  });

  it('serves only opened files, by id, with ranges', async () => {
    const file = path.join(temp.path, 'a.wav');
    writeFileSync(file, '0123456789');
    const store = new MediaStore((id) => id);
    const media = await store.openFile(file);
    const partial = await store.respond(media.id, 'bytes=2-5', 'GET');
    expect(partial.status).toBe(206);
    expect(partial.headers).toMatchObject({ 'Content-Range': 'bytes 2-5/10', 'Content-Length': '4', 'Content-Type': 'audio/wav' });
    expect(await text(partial.body!)).toBe('2345');
    const head = await store.respond(media.id, undefined, 'HEAD');
    expect([head.status, head.body, head.headers['Content-Length']]).toEqual([200, null, '10']);
    expect((await store.respond(media.id, 'bytes=10-', 'GET')).status).toBe(416);
    for (const id of ['../a.wav', file, 'AAAAAAAAAAAAAAAAAAAAAA', '%2e%2e%2fa.wav']) {
      expect((await store.respond(id, undefined, 'GET')).status).toBe(404);
    }
  });
});
