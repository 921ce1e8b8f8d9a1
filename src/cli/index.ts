/** Entry point of the built CLI (out/cli/cuesmith.js), run by bin/cuesmith.js. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const result = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  root,
  env: process.env,
});
if (result !== 'running') process.exitCode = result;
