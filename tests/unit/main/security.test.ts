import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromArgv } from '../../../src/main/command-line';
import { buildMenuTemplate } from '../../../src/main/menu-template';
import {
  CONTENT_SECURITY_POLICY,
  decideNavigation,
  mediaIdFromSchemeUrl,
  mediaSchemeUrl,
  secureWebPreferences,
} from '../../../src/main/security';
import { MENU_COMMANDS, type MenuCommand } from '../../../src/shared/api';

const root = path.resolve(import.meta.dirname, '../../..');

describe('window security', () => {
  it('isolates and sandboxes the page', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('uses a Content-Security-Policy without inline or eval scripts, also in index.html', () => {
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    const html = readFileSync(path.join(root, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never navigates away; web links go to the system browser', () => {
    expect(decideNavigation('https://example.com/help')).toBe('open-external');
    expect(decideNavigation('http://example.com')).toBe('open-external');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'cuesmith-media://media/x', 'data:text/html,hi', 'not a url']) {
      expect(decideNavigation(url), url).toBe('deny');
    }
  });

  it('maps media-scheme URLs to opaque ids only', () => {
    expect(mediaIdFromSchemeUrl(mediaSchemeUrl('abcDEF123_-xyz'))).toBe('abcDEF123_-xyz');
    for (const url of ['cuesmith-media://media/../etc/passwd', 'cuesmith-media://media/%2e%2e%2fetc', 'cuesmith-media://other/abcdefgh12', 'file:///abcdefgh12', 'cuesmith-media://media//etc/passwd', 'cuesmith-media://media/short']) {
      expect(mediaIdFromSchemeUrl(url), url).toBeNull();
    }
  });
});

describe('application menu', () => {
  type Item = { label?: string; role?: string; accelerator?: string; submenu?: Item[]; click?: () => void };
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  const template = buildMenuTemplate(
    { command: (c) => sent.push(c), openRecent: (p) => opened.push(p) },
    [{ path: '/talk.srt', name: 'talk.srt', kind: 'transcript' }],
    'linux',
  ) as Item[];
  const find = (menu: string, label: string) =>
    template.find((m) => m.label === `&${menu}`)!.submenu!.find((i) => i.label === label || i.role === label);

  it('has the usual items and accelerators', () => {
    expect(find('File', 'Open Transcript…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(find('File', 'Open Media…')?.accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(find('File', 'Open Sample')).toBeDefined();
    expect(find('File', 'Save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(find('File', 'Save As…')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(find('Edit', 'Undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(find('Edit', 'Redo')?.accelerator).toBe('Ctrl+Y');
    expect(find('Edit', 'Find')?.accelerator).toBe('CmdOrCtrl+F');
    expect(find('Edit', 'Replace')?.accelerator).toBe('Ctrl+H');
    expect(find('View', 'zoomIn')).toBeDefined();
    expect(find('Playback', 'Play/Pause')).toBeDefined();
  });

  it('sends document commands to the page and opens recent files', () => {
    find('File', 'Save')!.click!();
    find('Playback', 'Play/Pause')!.click!();
    find('File', 'Open Recent')!.submenu![0]!.click!();
    expect(sent).toEqual(['save', 'play-pause']);
    expect(opened).toEqual(['/talk.srt']);
    for (const command of sent) expect(MENU_COMMANDS).toContain(command);
  });
});

describe('command-line files', () => {
  it('picks the transcript and the media by extension', () => {
    const env = { INIT_CWD: '/home/user/talks' };
    expect(filesFromArgv(['--flag', 'talk.MP3', 'talk.srt'], env)).toEqual({ transcript: '/home/user/talks/talk.srt', media: '/home/user/talks/talk.MP3' });
    expect(filesFromArgv(['/abs/a.srt'], env)).toEqual({ transcript: '/abs/a.srt', media: undefined });
    expect(filesFromArgv([], env)).toEqual({ transcript: undefined, media: undefined });
  });
});
