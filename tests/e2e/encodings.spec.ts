/**
 * Reopening with another encoding from the status bar: a short Cyrillic KOI8-R subtitle
 * fits several code pages; read as Windows-1252 it is garbage, as KOI8-R it is right.
 */
import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

test('reopen a transcript in the encoding the user picks', async ({ launch }) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cuesmith-enc-')), 'privet.srt');
  writeFileSync(file, iconv.encode('1\n00:00:01,000 --> 00:00:02,000\nПривет, как дела?\n', 'koi8-r'));
  const page = await launch({ transcript: file });
  const editor = page.getByRole('textbox', { name: 'Transcript' });
  await expect(editor).toContainText('00:00:01,000');
  await page.getByLabel('Reopen with encoding').selectOption('windows-1252');
  await expect(editor).toContainText('ðÒÉ×ÅÔ');
  await page.getByLabel('Reopen with encoding').selectOption('koi8-r');
  await expect(editor).toContainText('Привет, как дела?');
  await expect(page.getByLabel('Reopen with encoding')).toHaveValue('koi8-r');
});
