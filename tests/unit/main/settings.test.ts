import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore, MAX_RECENT } from '../../../src/main/services/settings';
import { restoreBounds } from '../../../src/main/window-state';
import { useTempDir } from './temp';

describe('SettingsStore', () => {
  const temp = useTempDir();

  it('remembers window bounds and recent files across instances', async () => {
    const first = new SettingsStore(temp.path);
    await first.setWindow({ x: 10, y: 20, width: 900, height: 700, maximized: false });
    for (let i = 0; i < MAX_RECENT + 3; i++) await first.addRecent({ path: `/f${i}.srt`, name: `f${i}.srt`, kind: 'transcript' });
    await first.addRecent({ path: '/f5.srt', name: 'f5.srt', kind: 'transcript' });
    const second = new SettingsStore(temp.path);
    expect(second.window).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: false });
    expect(second.recent).toHaveLength(MAX_RECENT);
    expect(second.recent[0]!.path).toBe('/f5.srt');
    expect(second.recent.filter((r) => r.path === '/f5.srt')).toHaveLength(1);
  });

  it('starts from defaults when the file is corrupt or hostile', () => {
    writeFileSync(path.join(temp.path, 'settings.json'), '{"window": {"width": 1e9, "height": "x"}, "recent": [{"path": 5}, null]');
    const store = new SettingsStore(temp.path);
    expect(store.window).toBeUndefined();
    expect(store.recent).toEqual([]);
  });

  it('tells listeners when the recent list changes', async () => {
    const store = new SettingsStore(temp.path);
    let calls = 0;
    store.onRecentChange(() => calls++);
    await store.addRecent({ path: '/a.ogg', name: 'a.ogg', kind: 'media' });
    expect(calls).toBe(1);
    expect(JSON.parse(readFileSync(path.join(temp.path, 'settings.json'), 'utf8')).recent[0].kind).toBe('media');
  });
});

describe('restoreBounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('restores bounds on a visible display, else only the size', () => {
    expect(restoreBounds({ x: 100, y: 100, width: 800, height: 600, maximized: false }, screen)).toEqual({ x: 100, y: 100, width: 800, height: 600 });
    expect(restoreBounds({ x: 5000, y: 100, width: 800, height: 600, maximized: false }, screen)).toEqual({ width: 800, height: 600 });
    expect(restoreBounds(undefined, screen)).toEqual({ width: 1280, height: 820 });
  });
});
