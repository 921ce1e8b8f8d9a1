import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { findExecutable, resolveMediaTools, type MediaTools } from '../../../src/main/services/ffmpeg';
import { MediaStore } from '../../../src/main/services/media';
import { MediaCache } from '../../../src/main/services/media-cache';
import { isVariableBitrateMp3, probeMedia } from '../../../src/main/services/probe';
import { hasShared, sharedPath } from '../shared-corpora';
import { makeWav } from '../wav-fixture';
import { useTempDir } from './temp';

const tools = resolveMediaTools(undefined);
const ffmpeg = tools.ffmpeg;
const NO_TOOLS: MediaTools = { ffmpeg: null, ffprobe: null, source: null };

function generate(file: string, source: string, ...codec: string[]): void {
  execFileSync(ffmpeg!, ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, ...codec, file]);
}

/** Waits for a media's analysis and returns it with how long it took. */
async function analyse(store: MediaStore, id: string) {
  const started = performance.now();
  const analysis = await store.analysis(id);
  return { analysis, ms: performance.now() - started };
}

describe.skipIf(!ffmpeg || !tools.ffprobe)('MediaStore with ffmpeg', () => {
  const temp = useTempDir();
  const store = (cache = true, mediaTools: MediaTools = tools) =>
    new MediaStore({ urlFor: (id) => `/media/${id}`, tools: () => mediaTools, cache: cache ? new MediaCache(path.join(temp.path, 'cache')) : null });

  it('probes, then analyses a tone of known amplitude and length into peaks and energy', async () => {
    const file = path.join(temp.path, 'tone.ogg');
    generate(file, 'aevalsrc=0.5*sin(2*PI*440*t):s=16000:d=3', '-c:a', 'libopus', '-b:a', '64k');
    const media = store();
    const opened = await media.openFile(file);
    expect(opened).toMatchObject({ kind: 'audio', url: `/media/${opened.id}`, name: 'tone.ogg', tracks: [{ index: 0 }], track: 0, vbrMp3: false, proxy: false });
    expect(opened.duration).toBeCloseTo(3, 1);
    const peaks = await media.peaks(opened.id);
    expect(peaks.rate).toBe(100);
    expect(peaks.duration).toBeCloseTo(3, 1);
    expect(peaks.peaks.length).toBe(Math.ceil(peaks.duration * 100) * 2);
    // Away from the codec's start-up every 10 ms holds a full period: ±0.5 → ±64.
    const middle = Array.from(peaks.peaks.subarray(100, 500));
    expect(Math.min(...middle.filter((_, i) => i % 2 === 1))).toBeGreaterThanOrEqual(58);
    expect(Math.max(...middle.filter((_, i) => i % 2 === 0))).toBeLessThanOrEqual(-58);
    // RMS of a sine of amplitude 0.5 is 0.354: −9.0 dBFS.
    const energy = (await media.analysis(opened.id)).energy;
    expect(energy.length).toBe(Math.ceil(peaks.duration * 100));
    for (const db of energy.subarray(50, 250)) expect(db).toBeCloseTo(-9.03, 0);
    expect(media.progress(opened.id)).toMatchObject({ task: 'analysis', state: 'done', fraction: 1 });
  });

  it('reopens from the disk cache without decoding again', async () => {
    const file = path.join(temp.path, 'talk.mp3');
    generate(file, 'sine=frequency=300:d=20', '-c:a', 'libmp3lame', '-b:a', '64k');
    const first = store();
    const firstRun = await analyse(first, (await first.openFile(file)).id);
    // A second app start, with no ffmpeg at all: only the cache can answer (the probe still needs ffprobe).
    const second = store(true, { ...NO_TOOLS, ffprobe: tools.ffprobe });
    const secondRun = await analyse(second, (await second.openFile(file)).id);
    expect(Array.from(secondRun.analysis.peaks)).toEqual(Array.from(firstRun.analysis.peaks));
    expect(Array.from(secondRun.analysis.energy)).toEqual(Array.from(firstRun.analysis.energy));
  });

  it('detects a corrupt cache entry and rebuilds it', async () => {
    const file = path.join(temp.path, 'talk.ogg');
    generate(file, 'sine=d=5', '-c:a', 'libopus');
    const first = store();
    const good = (await analyse(first, (await first.openFile(file)).id)).analysis;
    const cacheFolder = path.join(temp.path, 'cache');
    const [entry] = readdirSync(cacheFolder).filter((n) => n.endsWith('.analysis'));
    const bytes = readFileSync(path.join(cacheFolder, entry!));
    bytes[bytes.length - 100]! ^= 0xff; // one flipped byte in the energy
    writeFileSync(path.join(cacheFolder, entry!), bytes);
    const second = store();
    const rebuilt = (await analyse(second, (await second.openFile(file)).id)).analysis;
    expect(Array.from(rebuilt.energy)).toEqual(Array.from(good.energy));
    writeFileSync(path.join(cacheFolder, entry!), bytes.subarray(0, 1000)); // truncated
    const third = store();
    expect(Array.from((await analyse(third, (await third.openFile(file)).id)).analysis.peaks)).toEqual(Array.from(good.peaks));
  });

  it('cancels an analysis, and opening another file cancels the first', async () => {
    const long = path.join(temp.path, 'long.flac');
    generate(long, 'anoisesrc=d=1200:a=0.3:r=8000', '-c:a', 'flac');
    const media = store(false);
    const opened = await media.openFile(long);
    const pending = media.analysis(opened.id);
    pending.catch(() => undefined); // asserted below, after the other file is opened
    const other = path.join(temp.path, 'other.ogg');
    generate(other, 'sine=d=1', '-c:a', 'libopus');
    await media.openFile(other);
    await expect(pending).rejects.toThrow(/Reading the audio of long\.flac was canceled/);
    expect(media.progress(opened.id).state).toBe('canceled');
  });

  it('reports progress with time remaining while it runs', async () => {
    const long = path.join(temp.path, 'long.flac');
    generate(long, 'anoisesrc=d=1800:a=0.3:r=8000', '-c:a', 'flac');
    const media = store(false);
    const opened = await media.openFile(long);
    const done = media.analysis(opened.id);
    const seen: number[] = [];
    while (media.progress(opened.id).state === 'running') {
      const { fraction, secondsRemaining } = media.progress(opened.id);
      if (fraction > 0.02 && fraction < 0.98) {
        seen.push(fraction);
        expect(secondsRemaining).toBeGreaterThan(0);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await done;
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('gives a clear error for a file that is not media', async () => {
    const file = path.join(temp.path, 'fake.mp3');
    writeFileSync(file, 'this is not audio');
    await expect(store().openFile(file)).rejects.toThrow(/Could not read fake\.mp3/);
  });

  it('finds VBR MP3s and makes an accurate editing copy', async () => {
    const vbr = path.join(temp.path, 'vbr.mp3');
    const cbr = path.join(temp.path, 'cbr.mp3');
    generate(vbr, 'anoisesrc=d=4:a=0.2', '-c:a', 'libmp3lame', '-q:a', '4');
    generate(cbr, 'anoisesrc=d=4:a=0.2', '-c:a', 'libmp3lame', '-b:a', '128k');
    expect(await isVariableBitrateMp3(vbr)).toBe(true);
    expect(await isVariableBitrateMp3(cbr)).toBe(false);
    const media = store();
    const opened = await media.openFile(vbr);
    expect(opened.vbrMp3).toBe(true);
    const copy = await media.makeProxy(opened.id);
    expect(copy.proxy).toBe(true);
    expect(copy.url).toMatch(new RegExp(`^/media/${opened.id}\\?playback=`));
    const served = await media.respond(opened.id, 'bytes=0-7', 'GET');
    expect(served.headers['Content-Type']).toBe('audio/mp4');
    expect((await text(served.body!)).slice(4, 8)).toBe('ftyp');
    const probe = await probeMedia(path.join(temp.path, 'cache', readdirSync(path.join(temp.path, 'cache')).find((n) => n.endsWith('.m4a'))!), tools.ffprobe);
    expect(probe.duration).toBeCloseTo(4, 0);
  });

  it('lists audio tracks and analyses the one chosen', async () => {
    const file = path.join(temp.path, 'two.mka');
    execFileSync(ffmpeg!, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=200:d=3', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono', '-t', '3', '-map', '0:a', '-map', '1:a', '-c:a', 'libopus', '-metadata:s:a:0', 'language=eng', '-metadata:s:a:1', 'language=fra', file]);
    copyFileSync(file, path.join(temp.path, 'two.webm'));
    const media = store();
    const opened = await media.openFile(path.join(temp.path, 'two.webm'));
    expect(opened.tracks.map((t) => t.label)).toEqual(['eng · opus mono', 'fra · opus mono']);
    const loud = Math.max(...(await media.analysis(opened.id)).energy.subarray(10, 200));
    const chosen = await media.selectTrack(opened.id, 1);
    expect(chosen).toMatchObject({ track: 1, proxy: true });
    const silent = Math.max(...(await media.analysis(opened.id)).energy.subarray(10, 200));
    expect(loud).toBeGreaterThan(-30); // lavfi's sine is at 1/8 of full scale: −21 dBFS
    expect(silent).toBe(-100);
    await expect(media.selectTrack(opened.id, 5)).rejects.toThrow(/has no audio track 6/);
  });
});

describe('MediaStore without ffmpeg', () => {
  const temp = useTempDir();
  const store = () => new MediaStore({ urlFor: (id) => id, tools: () => NO_TOOLS, cache: new MediaCache(path.join(temp.path, 'cache')) });

  it.skipIf(!hasShared)('still reads WAV natively', async () => {
    const media = store();
    const opened = await media.openFile(sharedPath('media/jfk/jfk.wav'));
    expect(opened.duration).toBe(11);
    const peaks = await media.peaks(opened.id);
    expect(peaks.duration).toBe(11);
    expect(peaks.peaks.length).toBe(2200);
  });

  it('explains how to install ffmpeg for other formats', async () => {
    const file = path.join(temp.path, 'a.mp3');
    writeFileSync(file, 'x');
    await expect(store().openFile(file)).rejects.toThrow(/Cannot open a\.mp3\. ffmpeg was not found.*apt install ffmpeg/);
  });

  it('refuses unknown kinds and missing files by name', async () => {
    writeFileSync(path.join(temp.path, 'notes.docx'), 'x');
    await expect(store().openFile(path.join(temp.path, 'notes.docx'))).rejects.toThrow(/notes\.docx is not a media file/);
    await expect(store().openFile(path.join(temp.path, 'gone.mp3'))).rejects.toThrow(/gone\.mp3: the file or its folder does not exist/);
  });

  it('serves only opened files, by id, with ranges', async () => {
    const file = path.join(temp.path, 'a.wav');
    writeFileSync(file, makeWav(Buffer.from('0123456789abcdefghij')));
    const media = store();
    const opened = await media.openFile(file);
    const partial = await media.respond(opened.id, 'bytes=46-49', 'GET');
    expect(partial.status).toBe(206);
    expect(partial.headers).toMatchObject({ 'Content-Range': 'bytes 46-49/64', 'Content-Length': '4', 'Content-Type': 'audio/wav' });
    expect(await text(partial.body!)).toBe('2345');
    const head = await media.respond(opened.id, undefined, 'HEAD');
    expect([head.status, head.body, head.headers['Content-Length']]).toEqual([200, null, '64']);
    expect((await media.respond(opened.id, 'bytes=64-', 'GET')).status).toBe(416);
    for (const id of ['../a.wav', file, 'AAAAAAAAAAAAAAAAAAAAAA', '%2e%2e%2fa.wav']) {
      expect((await media.respond(id, undefined, 'GET')).status).toBe(404);
    }
  });

  it('finds tools in the documented order', () => {
    const ffmpegOnPath = findExecutable('ffmpeg');
    if (!ffmpegOnPath) return;
    expect(resolveMediaTools(undefined, { PATH: path.dirname(ffmpegOnPath) })).toMatchObject({ ffmpeg: ffmpegOnPath, source: 'path' });
    expect(resolveMediaTools(undefined, { PATH: '', CUESMITH_FFMPEG: ffmpegOnPath })).toMatchObject({ source: 'environment' });
    expect(resolveMediaTools(ffmpegOnPath, { PATH: '', CUESMITH_FFMPEG: '/nonexistent' })).toMatchObject({ source: 'setting' });
    expect(resolveMediaTools('/nonexistent', { PATH: '' })).toEqual(NO_TOOLS);
  });
});
