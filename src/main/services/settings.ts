/**
 * Settings kept between runs in the app's data folder: window bounds and recent files.
 * A missing or corrupt settings file means defaults, never a failed start.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { RecentFile } from '../../shared/api';
import { DEFAULT_PREFERENCES, sanitizePreferences, type Preferences } from '../../shared/preferences';
import { writeFileAtomic } from './atomic-write';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Settings {
  window?: WindowBounds;
  recent: RecentFile[];
  /** An ffmpeg binary the user pointed at; first in the search order. */
  ffmpegPath?: string;
  preferences: Preferences;
}

export const MAX_RECENT = 10;

function sanitise(raw: unknown): Settings {
  const settings: Settings = { recent: [], preferences: DEFAULT_PREFERENCES };
  if (!raw || typeof raw !== 'object') return settings;
  const { window, recent, ffmpegPath, preferences } = raw as Record<string, unknown>;
  settings.preferences = sanitizePreferences(preferences);
  if (typeof ffmpegPath === 'string' && ffmpegPath !== '') settings.ffmpegPath = ffmpegPath;
  if (window && typeof window === 'object') {
    const w = window as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
    const width = num(w.width);
    const height = num(w.height);
    if (width && height && width >= 400 && height >= 300) {
      settings.window = { x: num(w.x), y: num(w.y), width, height, maximized: w.maximized === true };
    }
  }
  if (Array.isArray(recent)) {
    for (const item of recent) {
      if (!item || typeof item !== 'object') continue;
      const { path: p, name, kind } = item as Record<string, unknown>;
      if (typeof p === 'string' && typeof name === 'string' && (kind === 'transcript' || kind === 'media')) {
        settings.recent.push({ path: p, name, kind });
      }
    }
    settings.recent = settings.recent.slice(0, MAX_RECENT);
  }
  return settings;
}

export class SettingsStore {
  private settings: Settings;
  private readonly file: string;
  private writing: Promise<void> = Promise.resolve();
  private readonly recentListeners = new Set<() => void>();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
    let raw: unknown = null;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      raw = null;
    }
    this.settings = sanitise(raw);
  }

  get window(): WindowBounds | undefined {
    return this.settings.window;
  }

  get recent(): RecentFile[] {
    return [...this.settings.recent];
  }

  get preferences(): Preferences {
    return this.settings.preferences;
  }

  setPreferences(preferences: unknown): Promise<Preferences> {
    this.settings.preferences = sanitizePreferences(preferences);
    return this.persist().then(() => this.settings.preferences);
  }

  get ffmpegPath(): string | undefined {
    return this.settings.ffmpegPath;
  }

  setFfmpegPath(file: string): Promise<void> {
    this.settings.ffmpegPath = file;
    return this.persist();
  }

  setWindow(bounds: WindowBounds): Promise<void> {
    this.settings.window = bounds;
    return this.persist();
  }

  addRecent(file: RecentFile): Promise<void> {
    this.settings.recent = [file, ...this.settings.recent.filter((r) => r.path !== file.path)].slice(0, MAX_RECENT);
    for (const listener of this.recentListeners) listener();
    return this.persist();
  }

  /** Calls `listener` whenever the recent list changes (the Electron menu shows it). */
  onRecentChange(listener: () => void): () => void {
    this.recentListeners.add(listener);
    return () => this.recentListeners.delete(listener);
  }

  /** Writes are chained so two quick changes never interleave on disk. */
  private persist(): Promise<void> {
    const data = new TextEncoder().encode(JSON.stringify(this.settings, null, 2));
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        await mkdir(path.dirname(this.file), { recursive: true });
        await writeFileAtomic(this.file, data);
      });
    return this.writing;
  }
}
