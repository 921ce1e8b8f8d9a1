/**
 * The first vertical slice, as a new user meets it: the empty state, Open Sample, one
 * box per cue, click-to-seek, Space to play with the highlight following playback.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, cueBox, cueBoxes, cursorLineText, expect, mediaState, test } from './fixtures';

/** [start, end] in seconds of every whisper-style timing line in a text. */
function timings(text: string): [number, number][] {
  const seconds = (h: string, m: string, s: string) => Number(h) * 3600 + Number(m) * 60 + Number(s);
  return [...text.matchAll(/\[(\d+):(\d+):([\d.]+) --> (\d+):(\d+):([\d.]+)\]/g)].map((m) => [
    seconds(m[1]!, m[2]!, m[3]!),
    seconds(m[4]!, m[5]!, m[6]!),
  ]);
}

test('open the sample, click a cue box, play and follow', async ({ launch }) => {
  const page = await launch();

  await expect(page.getByRole('heading', { name: 'Fix a transcript against its audio' })).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Open sample' }).click();

  const editor = page.getByRole('textbox', { name: 'Transcript' });
  await expect(editor).toContainText('Welcome to this short talk');
  const cues = timings(await editor.innerText());
  expect(cues).toHaveLength(8);
  await expect(cueBoxes(page)).toHaveCount(cues.length);
  await expect(page.getByRole('slider', { name: 'Start of cue 1' })).toBeAttached();
  await expect(page.getByRole('slider', { name: 'End of cue 8' })).toBeAttached();

  await cueBox(page, 3).click();
  expect(await cursorLineText(page)).toContain('Their smaller wild cousin');
  await expect(page.getByLabel('Cue position')).toHaveText('Cue 3 of 8');
  const [start3, end3] = cues[2]!;
  const afterClick = (await mediaState(page))!;
  expect(afterClick.time).toBeGreaterThanOrEqual(start3);
  expect(afterClick.time).toBeLessThan(end3);
  await expect(page.locator('.cm-playing-cue')).toContainText('Their smaller wild cousin');

  mkdirSync(path.join(ROOT, 'test-results/screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-results/screenshots/main-window.png') });

  // Focus is on the box, not in text: Space plays.
  await page.keyboard.press('Space');
  await expect.poll(async () => (await mediaState(page))!.paused).toBe(false);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // Playback runs through cue 4 into cue 5; the highlight follows in the editor and on the waveform.
  await expect(page.locator('.cm-playing-cue')).toContainText('Herders still move', { timeout: 15_000 });
  await expect(page.locator('.cue-box.playing')).toHaveAttribute('aria-label', /^Cue 5, /);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await mediaState(page))!.paused).toBe(true);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('Space types in the editor instead of playing', async ({ launch }) => {
  const page = await launch();
  await page.getByRole('main').getByRole('button', { name: 'Open sample' }).click();
  const editor = page.getByRole('textbox', { name: 'Transcript' });
  await expect(editor).toContainText('Welcome');
  await editor.getByText('Welcome to this short talk').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' ok');
  await expect(editor).toContainText('animals of the Andes. ok');
  expect((await mediaState(page))!.paused).toBe(true);
  await expect(page).toHaveTitle('• sample.txt — Cuesmith');
});
