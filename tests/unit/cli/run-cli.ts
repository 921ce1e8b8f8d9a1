import path from 'node:path';
import { main } from '../../../src/cli/main';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Runs the CLI in-process with captured streams; `cwd` plays the caller's folder. */
export async function runCli(args: string[], options: { stdin?: Uint8Array | string; cwd?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const output: Uint8Array[] = [];
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    writeStdout: (bytes) => output.push(bytes),
    readStdin: async () => (typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array())),
    root: ROOT,
    env: { ...process.env, INIT_CWD: options.cwd ?? ROOT },
  });
  return { code, stdout, stderr, output: Buffer.concat(output) };
}
