/** Builds the command line (src/cli) to one ES module for Node: out/cli/cuesmith.js. */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

export default defineConfig({
  define: { __CUESMITH_VERSION__: JSON.stringify(pkg.version) },
  build: {
    ssr: 'src/cli/index.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      external: [
        'electron',
        ...Object.keys(pkg.dependencies),
        ...builtinModules.flatMap((m) => [m, `node:${m}`]),
      ],
      output: { format: 'es', entryFileNames: 'cuesmith.js' },
    },
  },
});
