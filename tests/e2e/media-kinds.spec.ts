/**
 * Media beyond plain audio: a variable-bitrate MP3 gets an accurate editing copy in one
 * click; a video plays in the preview beside the transcript; the waveform zooms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, cueBoxes, expect, test } from './fixtures';

const sample = path.join(ROOT, 'resources/sample/sample.txt');

function ffmpeg(...args: string[]): void {
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
}

test('a VBR MP3 offers an accurate editing copy, made with progress and then played', async ({ launch }) => {
  const media = path.join(mkdtempSync(path.join(os.tmpdir(), 'cuesmith-vbr-')), 'talk.mp3');
  ffmpeg('-i', path.join(ROOT, 'resources/sample/sample.ogg'), '-c:a', 'libmp3lame', '-q:a', '5', media);
  const page = await launch({ transcript: sample, media });
  const notice = page.getByRole('status').filter({ hasText: 'variable-bitrate MP3' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Make an accurate editing copy' }).click();
  await expect(page.locator('audio')).toHaveAttribute('src', /\?playback=.*\.m4a$/);
  await expect(cueBoxes(page)).toHaveCount(8);
  await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.duration)).toBeGreaterThan(25);
});

test('a video plays in the preview, with its waveform and zoom', async ({ launch }) => {
  const media = path.join(mkdtempSync(path.join(os.tmpdir(), 'cuesmith-video-')), 'talk.mp4');
  ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=25:duration=26', '-i', path.join(ROOT, 'resources/sample/sample.ogg'), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', media);
  const page = await launch({ transcript: sample, media });
  const video = page.getByRole('complementary', { name: 'Video preview' }).locator('video');
  await expect(video).toBeVisible();
  await expect(cueBoxes(page)).toHaveCount(8);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(320);

  const width = () => page.locator('[part="wrapper"]').evaluate((w) => w.scrollWidth);
  const fitted = await width();
  await page.getByRole('button', { name: 'Zoom waveform in' }).click();
  await page.getByRole('button', { name: 'Zoom waveform in' }).click();
  await expect.poll(width).toBeGreaterThan(fitted * 2);
  await page.keyboard.press('0');
  await expect.poll(width).toBeLessThanOrEqual(fitted + 1);
});
