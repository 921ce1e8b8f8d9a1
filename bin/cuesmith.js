#!/usr/bin/env node
// The `cuesmith` command. The CLI is built to out/cli by `npm install` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../out/cli/cuesmith.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('cuesmith: the CLI is not built yet; run "npm run build" in the project folder.\n');
  process.exit(2);
}
await import(entry.href);
