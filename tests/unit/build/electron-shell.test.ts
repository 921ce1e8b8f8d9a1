/**
 * The Electron shell, run for real: the built main process (out/main/index.js) is started
 * in a separate Node process on a recording stand-in for Electron (its binary cannot be
 * downloaded on our machines), then driven the way Electron would drive it. Vitest itself
 * never loads 'electron'.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security';
import { API_METHODS, ipcChannel } from '../../../src/shared/api';

const root = path.resolve(import.meta.dirname, '../../..');
const harness = path.join(root, 'tests/fixtures/electron-shell');
const built = existsSync(path.join(root, 'out/main/index.js'));

// Skipped only when the unit tests run on their own in an unbuilt checkout; `npm test` builds first.
describe.runIf(built)('Electron main process', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cuesmith-shell-'));
  const output = execFileSync(process.execPath, ['--import', path.join(harness, 'register.mjs'), path.join(harness, 'drive.mjs')], {
    env: { ...process.env, CUESMITH_DATA_DIR: dataDir, FAKE_APP_PATH: root, ELECTRON_RENDERER_URL: '' },
    encoding: 'utf8',
  });
  const result = JSON.parse(output.trim().split('\n').at(-1)!);
  const settings = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'));
  rmSync(dataDir, { recursive: true, force: true });

  it('opens one sandboxed, isolated window with the preload and the built page', () => {
    expect(result.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(result.webPreferences.preload).toBe(path.join(root, 'out/preload/index.cjs'));
    expect(result.loaded).toEqual({ file: path.join(root, 'out/renderer/index.html') });
  });

  it('registers the media scheme as privileged and streaming', () => {
    expect(result.privilegedSchemes).toEqual([
      { scheme: 'cuesmith-media', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
  });

  it('handles exactly the API channels, for its own page only, validating arguments', () => {
    expect(result.ipcChannels).toEqual(API_METHODS.map(ipcChannel).sort());
    expect(result.hostInfo).toMatchObject({ ok: true, value: { kind: 'electron', nativeDialogs: true } });
    expect(result.refused).toEqual({ ok: false, error: 'Refused: not the Cuesmith page.' });
    expect(result.badArgument).toEqual({ ok: false, error: 'mediaPeaks: argument 1 must be an identifier.' });
  });

  it('never navigates, opens web links externally, denies permissions, sets the CSP', () => {
    expect(result.navigation).toEqual({
      'https://example.com/help': { prevented: true, popup: 'deny' },
      'file:///etc/passwd': { prevented: true, popup: 'deny' },
      'javascript:alert(1)': { prevented: true, popup: 'deny' },
    });
    expect(result.openedExternally).toEqual(['https://example.com/help', 'https://example.com/help']);
    expect(result.permission).toBe(false);
    expect(result.permissionCheck).toBe(false);
    expect(result.csp).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('shows the menus', () => {
    expect(result.menuLabels).toEqual(['&File', '&Edit', '&View', '&Playback']);
  });

  it('serves opened media by token with ranges, and nothing else', () => {
    expect(result.sampleOk).toBe('sample.txt');
    expect(result.mediaUrl).toMatch(/^cuesmith-media:\/\/media\/[\w-]+$/);
    expect(result.partial).toEqual({ status: 206, range: expect.stringMatching(/^bytes 0-99\/\d+$/), bytes: 100 });
    expect(result.unknown).toBe(404);
    expect(result.traversal).toBe(404);
  });

  it('remembers the window bounds on close', () => {
    expect(settings.window).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });
});
