/**
 * `launch()` opens Cuesmith with optional files and gives back its window as a Page:
 * by default a browser-host process (`cuesmith web`) and a Chromium page; with
 * E2E_ELECTRON=1 the real Electron app through `_electron.launch` (needs the binary).
 */
import { test as base, _electron, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHARED = path.resolve(ROOT, '../shared');

export interface LaunchOptions {
  transcript?: string;
  media?: string;
}

async function startWebHost(files: LaunchOptions, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const args = [path.join(ROOT, 'bin/cuesmith.js'), 'web', '--port', '0'];
  if (files.transcript) args.push(files.transcript);
  if (files.media) args.push(files.media);
  const child = spawn(process.execPath, args, { env: { ...process.env, CUESMITH_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /Cuesmith is running at (\S+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`cuesmith web exited with ${code}: ${stderr}`)));
  });
  return { url, child };
}

export const test = base.extend<{ launch: (files?: LaunchOptions) => Promise<Page> }>({
  launch: async ({ browser }, use) => {
    const cleanups: (() => Promise<unknown> | void)[] = [];
    const pageErrors: string[] = [];
    await use(async (files = {}) => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cuesmith-e2e-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      if (process.env.E2E_ELECTRON === '1') {
        const args = [path.join(ROOT, 'out/main/index.js')];
        if (files.transcript) args.push(files.transcript);
        if (files.media) args.push(files.media);
        const app = await _electron.launch({ args, env: { ...process.env, CUESMITH_DATA_DIR: dataDir } });
        cleanups.push(() => app.close());
        return app.firstWindow();
      }
      const host = await startWebHost(files, dataDir);
      cleanups.push(() => void host.child.kill());
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      cleanups.push(() => context.close());
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(host.url);
      return page;
    });
    for (const cleanup of cleanups.reverse()) await cleanup();
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** The cue boxes on the waveform, by their accessible names. */
export const cueBoxes = (page: Page) => page.getByRole('group', { name: /^Cue \d+, / });
export const cueBox = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^Cue ${n}, `) });

/** The playing media element's position in seconds, and whether it is paused. */
export const mediaState = (page: Page) =>
  page.evaluate(() => {
    const media = document.querySelector<HTMLMediaElement>('audio, video');
    return media ? { time: media.currentTime, paused: media.paused } : null;
  });

/** The text of the editor line holding the cursor. */
export const cursorLineText = (page: Page) => page.locator('.cm-activeLine').innerText();
