/**
 * Finding ffmpeg and ffprobe, in this order: the user's setting, the CUESMITH_FFMPEG
 * environment variable, a bundled `@ffmpeg-installer/ffmpeg` package if one is installed,
 * then PATH. ffprobe is looked for next to the chosen ffmpeg, then on PATH.
 */
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface MediaTools {
  ffmpeg: string | null;
  ffprobe: string | null;
  /** Where ffmpeg came from, for messages and the settings UI. */
  source: 'setting' | 'environment' | 'bundled' | 'path' | null;
}

const isExecutable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const EXTENSIONS = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];

export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const folder of (env.PATH ?? '').split(path.delimiter)) {
    if (!folder) continue;
    for (const extension of EXTENSIONS) {
      const candidate = path.join(folder, name + extension);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

/** The binary of an optional npm package that ships ffmpeg inside its tarball (works offline). */
function bundledFfmpeg(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const found = (require('@ffmpeg-installer/ffmpeg') as { path?: string }).path;
    return found && isExecutable(found) ? found : null;
  } catch {
    return null;
  }
}

function siblingFfprobe(ffmpeg: string, env: NodeJS.ProcessEnv): string | null {
  const folder = path.dirname(ffmpeg);
  for (const extension of EXTENSIONS) {
    const candidate = path.join(folder, `ffprobe${extension}`);
    if (isExecutable(candidate)) return candidate;
  }
  return findExecutable('ffprobe', env);
}

export function resolveMediaTools(setting: string | undefined, env: NodeJS.ProcessEnv = process.env): MediaTools {
  const candidates: [MediaTools['source'], string | null | undefined][] = [
    ['setting', setting],
    ['environment', env.CUESMITH_FFMPEG],
    ['bundled', bundledFfmpeg()],
    ['path', findExecutable('ffmpeg', env)],
  ];
  for (const [source, candidate] of candidates) {
    if (candidate && isExecutable(candidate)) return { ffmpeg: candidate, ffprobe: siblingFfprobe(candidate, env), source };
  }
  return { ffmpeg: null, ffprobe: null, source: null };
}

/** ffmpeg alone, as the CLI and tests need it. */
export function findFfmpeg(env: NodeJS.ProcessEnv = process.env): string | null {
  return resolveMediaTools(undefined, env).ffmpeg;
}

export const FFMPEG_MISSING_MESSAGE =
  'ffmpeg was not found. Cuesmith needs it to read audio and video other than WAV. ' +
  'Install it (Debian/Ubuntu: "sudo apt install ffmpeg", macOS: "brew install ffmpeg", ' +
  'Windows: "winget install ffmpeg") or set CUESMITH_FFMPEG to its path.';
