/** `cuesmith web`: the browser host. */
import path from 'node:path';
import { createBackend } from '../../main/services/backend';
import { newId } from '../../main/services/ids';
import { defaultDataDir } from '../../main/services/paths';
import { SettingsStore } from '../../main/services/settings';
import { startWebHost, type WebHost } from '../../main/web/server';
import { APP_VERSION } from '../../shared/version';

export interface WebCommandOptions {
  transcript?: string;
  media?: string;
  port?: number;
  /** The package root (holds out/renderer and resources/sample). */
  root: string;
  env?: NodeJS.ProcessEnv;
}

export async function runWebHost(options: WebCommandOptions): Promise<WebHost> {
  const env = options.env ?? process.env;
  const dataDir = defaultDataDir(env);
  const settings = new SettingsStore(dataDir);
  const backend = createBackend({
    dataDir,
    host: { kind: 'browser', version: APP_VERSION, nativeDialogs: false },
    settings,
    sampleDir: path.join(options.root, 'resources', 'sample'),
    mediaUrl: (id) => `/media/${id}`,
    startup: { transcript: options.transcript, media: options.media },
    env,
  });
  return startWebHost({
    rendererDir: path.join(options.root, 'out', 'renderer'),
    api: backend,
    media: backend.media,
    token: newId(24),
    port: options.port,
  });
}
