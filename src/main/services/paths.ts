import os from 'node:os';
import path from 'node:path';

/**
 * The app's data folder (settings, recent files, later caches and the autosave journal):
 * CUESMITH_DATA_DIR when set, else where Electron's `userData` points for an app named
 * "cuesmith", so both hosts share it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CUESMITH_DATA_DIR) return path.resolve(env.CUESMITH_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'cuesmith');
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'cuesmith');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'cuesmith');
}

/**
 * A path the user typed, made absolute against the folder they typed it in: npm scripts
 * run in the package folder but record the caller's folder in INIT_CWD.
 */
export function resolveUserPath(file: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.INIT_CWD ?? process.cwd(), file);
}
