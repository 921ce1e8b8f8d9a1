import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT as root, runCli as run } from './run-cli';

describe('cuesmith CLI', () => {
  it('prints usage for --help and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Commands:\n(?: {2}\w+ +\S.*\n)+/);
    for (const command of ['convert', 'check', 'formats', 'web']) expect(result.stdout).toContain(`  ${command} `);
  });

  it.each(['convert', 'check', 'formats', 'web'])('has help for %s', async (command) => {
    const result = await run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: cuesmith ${command}`));
  });

  it('exits 2 with a message on stderr for usage errors', async () => {
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown command "frobnicate"/) });
    expect(await run(['web', '--port', 'x'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--port must be/) });
    expect(await run(['web', '--nope'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option/) });
    expect(await run([])).toMatchObject({ code: 2 });
  });

  // These two run the built CLI; `npm test` builds first, so they are skipped only when
  // the unit tests are run on their own in an unbuilt checkout.
  const built = existsSync(path.join(root, 'out/cli/cuesmith.js'));
  it.runIf(built)('works as the installed bin (bin/cuesmith.js)', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'bin/cuesmith.js'), '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/^cuesmith \d+\.\d+\.\d+ — /);
  });

  it.runIf(built)('web prints exactly one line: the address with its token', async () => {
    const child = spawn(process.execPath, [path.join(root, 'bin/cuesmith.js'), 'web', '--port', '0'], {
      env: { ...process.env, CUESMITH_DATA_DIR: path.join(root, 'node_modules/.cache/cli-test-data') },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => out.includes('\n') && resolve());
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      await new Promise((r) => setTimeout(r, 300)); // nothing more may follow
      expect(out).toMatch(/^Cuesmith is running at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}\n$/);
    } finally {
      child.kill();
    }
  });
});
