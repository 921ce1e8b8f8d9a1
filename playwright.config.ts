import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './tests/e2e/chromium';

/**
 * End-to-end tests drive the real renderer through the browser host in Chromium
 * (CHROMIUM_PATH, else Debian's /usr/bin/chromium, else a Playwright-installed browser).
 * With E2E_ELECTRON=1 the same specs drive the real Electron app instead.
 */
const electron = process.env.E2E_ELECTRON === '1';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--autoplay-policy=no-user-gesture-required',
        '--mute-audio',
      ],
    },
  },
  projects: [{ name: electron ? 'electron' : 'browser-host' }],
});
