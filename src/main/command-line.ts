/**
 * Files passed to the app on the command line (or by the OS "open with"): the first media
 * file and the first other file become the session's media and transcript.
 */
import path from 'node:path';
import { MEDIA_EXTENSIONS } from './services/media';
import { resolveUserPath } from './services/paths';

export function filesFromArgv(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { transcript?: string; media?: string } {
  const files = args.filter((arg) => arg !== '' && !arg.startsWith('-')).map((arg) => resolveUserPath(arg, env));
  const isMedia = (file: string) => MEDIA_EXTENSIONS.includes(path.extname(file).slice(1).toLowerCase());
  return { transcript: files.find((f) => !isMedia(f)), media: files.find(isMedia) };
}
