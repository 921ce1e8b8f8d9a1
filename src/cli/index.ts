/** Entry point of the built CLI (out/cli/cuesmith.js), run by bin/cuesmith.js. */
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { main } from './main';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

try {
  const result = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    writeStdout: (bytes) => process.stdout.write(bytes),
    readStdin: async () => new Uint8Array(await buffer(process.stdin)),
    root,
    env: process.env,
  });
  if (result !== 'running') process.exitCode = result;
} catch (error) {
  // Not a usage or input problem: a bug. Say so plainly, exit 2.
  process.stderr.write(`cuesmith: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
}
