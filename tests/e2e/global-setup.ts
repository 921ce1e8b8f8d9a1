import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromiumExecutable } from './chromium';

/** Fails early, with a clear message, when what the specs need is missing. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  if (!existsSync(path.join(root, 'out/renderer/index.html')) || !existsSync(path.join(root, 'out/cli/cuesmith.js'))) {
    throw new Error('The app is not built: run "npm run build" (npm test does this first).');
  }
  if (process.env.E2E_ELECTRON === '1') return;
  const executable = chromiumExecutable() ?? chromium.executablePath();
  if (!existsSync(executable)) {
    throw new Error(
      `No Chromium found for the end-to-end tests (looked at CHROMIUM_PATH, /usr/bin/chromium and ${executable}). ` +
        'Install one: "apt-get install chromium" on Debian/Ubuntu, or "npx playwright install chromium", or set CHROMIUM_PATH.',
    );
  }
}
