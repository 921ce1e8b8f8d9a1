/**
 * The user's preferences that outlive a session (kept by the main side in settings.json,
 * so both hosts share them): caption profile, following playback, playback speed, and
 * keyboard shortcut overrides.
 */

export interface Preferences {
  profile: string;
  followPlayback: boolean;
  playbackRate: number;
  /** Command id → key names (e.g. "Alt-P"); only the ones the user changed. */
  keys: Record<string, string[]>;
}

export const DEFAULT_PREFERENCES: Preferences = {
  profile: 'default',
  followPlayback: true,
  playbackRate: 1,
  keys: {},
};

export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

const KEY_NAME = /^(?:(?:Ctrl|Alt|Shift|Meta|Mod)-)*[^\s-]+$|^(?:(?:Ctrl|Alt|Shift|Meta|Mod)-)*-$/;

/** Keeps what is valid in something read from disk or sent over a transport. */
export function sanitizePreferences(raw: unknown): Preferences {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const keys: Record<string, string[]> = {};
  if (value.keys && typeof value.keys === 'object') {
    for (const [command, list] of Object.entries(value.keys as Record<string, unknown>).slice(0, 200)) {
      if (!/^[a-z][a-z0-9-]{0,40}$/.test(command) || !Array.isArray(list)) continue;
      keys[command] = list.filter((k): k is string => typeof k === 'string' && k.length <= 40 && KEY_NAME.test(k)).slice(0, 4);
    }
  }
  const rate = Number(value.playbackRate);
  return {
    profile: typeof value.profile === 'string' && /^[a-z0-9-]{1,40}$/.test(value.profile) ? value.profile : DEFAULT_PREFERENCES.profile,
    followPlayback: typeof value.followPlayback === 'boolean' ? value.followPlayback : DEFAULT_PREFERENCES.followPlayback,
    playbackRate: (PLAYBACK_RATES as readonly number[]).includes(rate) ? rate : DEFAULT_PREFERENCES.playbackRate,
    keys,
  };
}
