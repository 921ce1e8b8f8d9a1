/**
 * A 3-hour recording opens like a short one: a progress bar first, then the waveform with
 * an overview strip, accurate seeking far into the file (which needs working HTTP Range),
 * and a small renderer heap (peaks, not decoded audio, reach the page).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cueBoxes, expect, mediaState, test } from './fixtures';

const HOURS = 3;
const SECONDS = HOURS * 3600;

function makeLongRecording(folder: string): { media: string; transcript: string } {
  const media = path.join(folder, 'lecture.flac');
  // Speech-like rhythm: 2 s of tone, 1 s of silence, for three hours (FLAC keeps it small and quick to make).
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `aevalsrc=0.4*sin(2*PI*300*t)*gt(mod(t\\,3)\\,1):s=8000:d=${SECONDS}`, '-c:a', 'flac', media]);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const clock = (s: number) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)},000`;
  const blocks: string[] = [];
  for (let s = 1, n = 1; s < SECONDS; s += 30, n++) blocks.push(`${n}\n${clock(s)} --> ${clock(s + 2)}\nCue at ${clock(s)}\n`);
  const transcript = path.join(folder, 'lecture.srt');
  writeFileSync(transcript, blocks.join('\n'));
  return { media, transcript };
}

test('a 3-hour recording opens with a progress bar, seeks to 2:59:00 and keeps the heap small', async ({ launch }) => {
  test.setTimeout(240_000);
  const files = makeLongRecording(mkdtempSync(path.join(os.tmpdir(), 'cuesmith-long-')));
  const page = await launch(files);

  const progress = page.getByRole('progressbar', { name: 'Reading audio' });
  await expect(progress).toBeVisible();
  await expect(page.locator('.analysis-status')).toContainText(/Reading audio… \d+ %/);
  await expect(progress).toHaveCount(0, { timeout: 180_000 });
  await expect(cueBoxes(page).first()).toBeVisible();
  await expect(page.locator('[part="minimap"]')).toBeVisible();

  const target = 2 * 3600 + 59 * 60;
  await page.evaluate((t) => {
    document.querySelector<HTMLMediaElement>('audio')!.currentTime = t;
  }, target);
  await expect.poll(async () => page.evaluate(() => document.querySelector<HTMLMediaElement>('audio')!.seeking), { timeout: 20_000 }).toBe(false);
  expect(Math.abs((await mediaState(page))!.time - target)).toBeLessThan(0.1);
  // And the audio is really there: playback runs on from 2:59:00.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await mediaState(page))!.time, { timeout: 20_000 }).toBeGreaterThan(target + 0.5);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect((await mediaState(page))!.time).toBeLessThan(target + 30);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  // 3 hours of peaks are ~2 MB as bytes and ~9 MB as floats; decoded audio would be hundreds.
  expect(usedSize / 1048576).toBeLessThan(120);
});
