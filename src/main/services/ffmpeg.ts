/**
 * Finding ffmpeg: the CUESMITH_FFMPEG environment variable, then PATH. (A setting and a
 * bundled binary join this list with the long-recordings work.)
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const folder of (env.PATH ?? '').split(path.delimiter)) {
    if (!folder) continue;
    for (const extension of extensions) {
      const candidate = path.join(folder, name + extension);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

export function findFfmpeg(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.CUESMITH_FFMPEG;
  if (configured) return configured;
  return findExecutable('ffmpeg', env);
}

export const FFMPEG_MISSING_MESSAGE =
  'ffmpeg was not found. Cuesmith needs it to read audio and video other than WAV. ' +
  'Install it (Debian/Ubuntu: "sudo apt install ffmpeg", macOS: "brew install ffmpeg", ' +
  'Windows: "winget install ffmpeg") or set CUESMITH_FFMPEG to its path.';
