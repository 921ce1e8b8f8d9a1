/**
 * The timing workbench: the waveform and the keyboard rewrite the timing text, live while
 * dragging, each action one undo step; cues are created, split, merged and deleted; the
 * playhead drives set-start/end and spotting.
 */
import type { Page } from '@playwright/test';
import path from 'node:path';
import { ROOT, cueBox, cueBoxes, expect, mediaState, test } from './fixtures';

const sample = { transcript: path.join(ROOT, 'resources/sample/sample.txt'), media: path.join(ROOT, 'resources/sample/sample.ogg') };

/** The whisper-style timing lines of the document, as [start, end] seconds. */
async function timings(page: Page): Promise<[number, number][]> {
  const text = await page.evaluate(() => document.querySelector('.cm-content')!.textContent ?? '');
  const s = (h: string, m: string, x: string) => Number(h) * 3600 + Number(m) * 60 + Number(x);
  return [...text.matchAll(/\[(\d+):(\d+):([\d.]+) --> (\d+):(\d+):([\d.]+)\]/g)].map((m) => [s(m[1]!, m[2]!, m[3]!), s(m[4]!, m[5]!, m[6]!)]);
}

async function seek(page: Page, seconds: number): Promise<void> {
  await page.evaluate((t) => {
    document.querySelector<HTMLMediaElement>('audio, video')!.currentTime = t;
  }, seconds);
  await expect.poll(async () => (await mediaState(page))!.time).toBeCloseTo(seconds, 2);
}

/** Puts the editor's cursor at the start of a cue's text (via its box: seek + cursor). */
async function selectCue(page: Page, n: number): Promise<void> {
  await cueBox(page, n).click();
  await expect(page.getByLabel('Cue position')).toHaveText(new RegExp(`^Cue ${n} of`));
}

async function open(launch: (f?: { transcript?: string; media?: string }) => Promise<Page>): Promise<Page> {
  const page = await launch(sample);
  await expect(cueBoxes(page)).toHaveCount(8);
  return page;
}

test('dragging an edge rewrites the time code live; the release is one undo step', async ({ launch }) => {
  const page = await open(launch);
  const before = await timings(page);
  const edge = page.getByRole('slider', { name: 'End of cue 1' });
  const box = (await edge.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 4 });
  // Live: the text already shows a later end while the button is still down.
  await expect.poll(async () => (await timings(page))[0]![1]).toBeGreaterThan(before[0]![1]);
  await page.mouse.move(box.x + 30, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  const after = await timings(page);
  expect(after[0]![1]).toBeGreaterThan(before[0]![1] + 0.1);
  expect(after[0]![0]).toBe(before[0]![0]);
  expect(after.slice(1)).toEqual(before.slice(1));
  await expect(cueBox(page, 1)).toHaveAttribute('aria-label', new RegExp(`–0:0${after[0]![1].toFixed(3)}$`.replace('.', '\\.')));

  await page.getByRole('textbox', { name: 'Transcript' }).click();
  await page.keyboard.press('Control+z');
  expect(await timings(page)).toEqual(before);
  await page.keyboard.press('Control+y');
  expect(await timings(page)).toEqual(after);
});

test('moving a box keeps its length and stops at its neighbour; Escape cancels a drag', async ({ launch }) => {
  const page = await open(launch);
  const before = await timings(page);
  const box = (await cueBox(page, 2).boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x - 400, y, { steps: 10 }); // far into cue 1
  await page.mouse.up();
  const moved = await timings(page);
  expect(moved[1]![1] - moved[1]![0]).toBeCloseTo(before[1]![1] - before[1]![0], 2);
  // Clamped: starts after cue 1's end (plus the minimum gap), never overlapping it.
  expect(moved[1]![0]).toBeGreaterThanOrEqual(before[0]![1]);
  expect(moved[1]![0]).toBeLessThan(before[1]![0]);

  const again = (await cueBox(page, 2).boundingBox())!;
  await page.mouse.move(again.x + again.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(again.x + again.width / 2 + 60, y, { steps: 5 });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  expect(await timings(page)).toEqual(moved);
});

test('drawing on empty waveform creates a cue in time order, ready for typing', async ({ launch }) => {
  const page = await open(launch);
  const before = await timings(page);
  // The silence between cue 4 (ends 12.81 s) and cue 5 (starts 15.42 s).
  const four = (await cueBox(page, 4).boundingBox())!;
  const five = (await cueBox(page, 5).boundingBox())!;
  const y = four.y + four.height / 2;
  await page.mouse.move(four.x + four.width + 15, y);
  await page.mouse.down();
  await page.mouse.move(five.x - 15, y, { steps: 6 });
  await page.mouse.up();
  await expect(cueBoxes(page)).toHaveCount(9);
  const after = await timings(page);
  expect(after).toHaveLength(9);
  expect(after[4]![0]).toBeGreaterThan(before[3]![1]);
  expect(after[4]![1]).toBeLessThan(before[4]![0]);
  await page.keyboard.type('A new line');
  await expect(page.locator('.cm-activeLine')).toContainText('A new line');
  await expect(page.getByLabel('Cue position')).toHaveText('Cue 5 of 9');
});

test('set start and end at the playhead, nudge, and spot through five cues', async ({ launch }) => {
  const page = await open(launch);
  await selectCue(page, 1);
  await seek(page, 1.0);
  await page.keyboard.press('Alt+BracketLeft');
  await seek(page, 4.25);
  await page.keyboard.press('Alt+BracketRight');
  expect((await timings(page))[0]).toEqual([1.0, 4.25]);
  await page.keyboard.press('Alt+2'); // start 10 ms later
  await page.keyboard.press('Alt+Shift+3'); // end 100 ms earlier
  expect((await timings(page))[0]).toEqual([1.01, 4.15]);

  // Spotting: at each playhead position, end this cue and start the next.
  await selectCue(page, 1);
  const marks = [4.0, 8.5, 11.6, 14.3, 20.5];
  for (const [k, t] of marks.entries()) {
    await seek(page, t);
    await page.keyboard.press('Alt+Enter');
    await expect(page.getByLabel('Cue position')).toHaveText(`Cue ${k + 2} of 8`);
  }
  const spotted = await timings(page);
  marks.forEach((t, k) => {
    expect(spotted[k]![1]).toBe(t);
    expect(spotted[k + 1]![0]).toBeCloseTo(t + 0.024, 3); // the profile's minimum gap
  });
  // Each keypress was one step: five undos restore the cue ends one by one.
  await page.getByRole('textbox', { name: 'Transcript' }).focus();
  for (let k = 0; k < 5; k++) await page.keyboard.press('Control+z');
  expect((await timings(page))[0]).toEqual([1.01, 4.15]);
});

test('split at the cursor, merge, insert and delete cues from the keyboard', async ({ launch }) => {
  const page = await open(launch);
  const editor = page.getByRole('textbox', { name: 'Transcript' });
  await editor.getByText('Herders still move their animals').click();
  await page.keyboard.press('End');
  for (let k = 0; k < 'and the animals know the way.'.length + 1; k++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Alt+s');
  await expect(cueBoxes(page)).toHaveCount(9);
  await expect(editor).toContainText('every season,\n');
  let t = await timings(page);
  expect(t[4]![1]).toBeLessThan(t[5]![0]);
  expect(t[4]![0]).toBe(15.42);
  expect(t[5]![1]).toBe(20.94);

  await page.keyboard.press('Alt+ArrowUp'); // to cue 5
  await page.keyboard.press('Alt+m'); // merge it with the split-off part again
  await expect(cueBoxes(page)).toHaveCount(8);
  t = await timings(page);
  expect(t[4]).toEqual([15.42, 20.94]);

  await selectCue(page, 8);
  await page.keyboard.press('Alt+d');
  await expect(cueBoxes(page)).toHaveCount(7);
  await page.keyboard.press('Alt+i');
  await page.keyboard.type('Inserted');
  await expect(cueBoxes(page)).toHaveCount(8);
  await expect(editor).toContainText('Inserted');
});

test('playback: play the cue, play before its start, speed, jump back, follow', async ({ launch }) => {
  const page = await open(launch);
  await selectCue(page, 2);
  await page.keyboard.press('Alt+p');
  await expect.poll(async () => (await mediaState(page))!.paused, { timeout: 10_000 }).toBe(false);
  // It stops by itself at the cue's end (9.03 s).
  await expect.poll(async () => (await mediaState(page))!.paused, { timeout: 15_000 }).toBe(true);
  const stopped = (await mediaState(page))!.time;
  expect(stopped).toBeGreaterThanOrEqual(9.0);
  expect(stopped).toBeLessThan(9.4);

  await page.getByLabel('Playback speed').selectOption('1.5');
  expect(await page.evaluate(() => document.querySelector('audio')!.playbackRate)).toBe(1.5);
  await page.keyboard.press('Alt+Minus');
  expect(await page.evaluate(() => document.querySelector('audio')!.playbackRate)).toBe(1.25);
  expect(await page.evaluate(() => document.querySelector('audio')!.preservesPitch)).toBe(true);

  await seek(page, 10);
  await page.getByRole('textbox', { name: 'Transcript' }).focus();
  await page.keyboard.press('Alt+z');
  expect((await mediaState(page))!.time).toBeCloseTo(8, 1);

  await expect(page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Alt+f');
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
});

test('each cue shows its duration and reading speed, coloured by the rules', async ({ launch }) => {
  const page = await open(launch);
  const infos = page.locator('.cm-cue-info');
  await expect(infos).toHaveCount(8);
  // Cue 4: a sentence in 40 ms — too short and far too fast.
  await expect(infos.nth(3)).toContainText('0.04 s');
  await expect(infos.nth(3).locator('.cm-cue-duration')).toHaveClass(/bad/);
  await expect(infos.nth(3).locator('.cm-cue-cps')).toHaveClass(/bad/);
  await expect(infos.nth(0).locator('.cm-cue-cps')).toHaveClass(/warn|ok/);
  await expect(page.getByLabel('Problems')).toHaveText('No problems');
  await page.getByLabel('Caption rules').selectOption('netflix-en');
  await expect(infos.nth(0).locator('.cm-cue-cps')).toHaveClass(/bad|warn/);
});

test('the shortcuts overlay lists every command and remaps a key', async ({ launch }) => {
  const page = await open(launch);
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  // Everything the timing workbench promises from the keyboard is listed.
  for (const id of ['play-pause', 'play-cue', 'loop-cue', 'play-before-start', 'play-after-end', 'set-start', 'set-end', 'spot', 'start-earlier', 'end-later-more', 'cue-earlier', 'start-earlier-frame', 'previous-cue', 'next-cue', 'split-cue', 'split-cue-at-playhead', 'merge-next', 'insert-after', 'delete-cue', 'slower', 'faster', 'jump-back']) {
    await expect(dialog.locator(`tr[data-command="${id}"] kbd`).first()).toBeVisible();
  }
  await dialog.getByRole('button', { name: 'Change the keys of Play the current cue' }).click();
  await page.keyboard.press('Alt+k');
  await expect(dialog.locator('tr[data-command="play-cue"] kbd')).toHaveText('Alt+K');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await selectCue(page, 1);
  await page.keyboard.press('Alt+k');
  await expect.poll(async () => (await mediaState(page))!.paused).toBe(false);
});

test('the video shows the playing cue over it, styled but never as HTML', async ({ launch }) => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'cuesmith-overlay-'));
  const video = path.join(folder, 'clip.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=25:duration=6', '-f', 'lavfi', '-i', 'sine=d=6', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', video]);
  const transcript = path.join(folder, 'clip.srt');
  writeFileSync(transcript, '1\n00:00:01,000 --> 00:00:03,000\n<i>So</i> <img src=x onerror="document.title=\'pwned\'">\n\n2\n00:00:03,500 --> 00:00:05,000\nPlain words\n');
  const page = await launch({ transcript, media: video });
  await expect(cueBoxes(page)).toHaveCount(2);
  await cueBox(page, 1).click();
  const overlay = page.getByTestId('caption-overlay');
  await expect(overlay).toContainText('So <img src=x onerror="document.title=\'pwned\'">');
  await expect(overlay.locator('.italic')).toHaveText('So');
  expect(await overlay.locator('img').count()).toBe(0);
  await expect(page).not.toHaveTitle('pwned');
  await page.screenshot({ path: path.join(ROOT, 'test-results/screenshots/video-overlay.png') });
  await cueBox(page, 2).click();
  await expect(overlay).toHaveText('Plain words');
});

test('the editor follows playback, and stops following when asked', async ({ launch }) => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'cuesmith-follow-'));
  const lines: string[] = [];
  for (let k = 0; k < 120; k++) {
    const t = (ms: number) => `00:00:${String(Math.floor(ms / 1000)).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
    lines.push(`[${t(k * 200)} --> ${t(k * 200 + 190)}]  line ${k + 1}`);
  }
  const transcript = path.join(folder, 'many.txt');
  writeFileSync(transcript, lines.join('\n') + '\n');
  const page = await launch({ transcript, media: sample.media });
  await expect(cueBoxes(page).first()).toBeVisible();
  await seek(page, 14);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('.cm-playing-cue')).toBeInViewport({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Follow' }).click();
  await page.locator('.cm-scroller').evaluate((e) => (e.scrollTop = 0));
  await seek(page, 2);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await page.locator('.cm-scroller').evaluate((e) => e.scrollTop)).toBe(0);
});
