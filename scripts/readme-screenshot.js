#!/usr/bin/env node
// Makes docs/screenshot.png for the README: the browser host with the bundled sample
// open, cue 3 selected. Needs a built app (npm run build) and Chromium.
// Run: npm run screenshot
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cuesmith-shot-'));
const sample = path.join(root, 'resources/sample');
const host = spawn(process.execPath, [path.join(root, 'bin/cuesmith.js'), 'web', path.join(sample, 'sample.txt'), path.join(sample, 'sample.ogg')], {
  env: { ...process.env, CUESMITH_DATA_DIR: dataDir },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const url = await new Promise((resolve, reject) => {
    let out = '';
    host.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /running at (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    host.on('exit', (code) => reject(new Error(`cuesmith web exited with ${code}`)));
  });
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--mute-audio'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.getByRole('group', { name: /^Cue 3, / }).click();
  await page.waitForTimeout(500);
  const file = path.join(root, 'docs/screenshot.png');
  await page.screenshot({ path: file });
  await browser.close();
  console.log(`wrote ${path.relative(root, file)}`);
} finally {
  host.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
