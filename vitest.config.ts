import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Nothing Vitest loads may import Electron: its binary does not exist on CI machines and
 * the services must stay plain Node. Resolving 'electron' fails the importing test.
 */
const forbidElectron: Plugin = {
  name: 'cuesmith:forbid-electron',
  enforce: 'pre',
  resolveId(id, importer) {
    if (id === 'electron' || id.startsWith('electron/')) {
      throw new Error(`${importer ?? 'a test'} imports "${id}"; code loaded by Vitest must not import Electron.`);
    }
    return null;
  },
};

export default defineConfig({
  plugins: [forbidElectron],
  define: { __CUESMITH_VERSION__: JSON.stringify(version) },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
