import { readFileSync } from 'node:fs';
import { defineConfig } from 'electron-vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const define = { __CUESMITH_VERSION__: JSON.stringify(version) };

export default defineConfig({
  main: {
    define,
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file that requires only 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    define,
    oxc: { jsx: { runtime: 'automatic' } },
    // A desktop app loads its bundle from disk: one 600 kB chunk is fine.
    build: { sourcemap: true, minify: true, chunkSizeWarningLimit: 1500 },
  },
});
