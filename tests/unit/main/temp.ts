import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh temporary folder for each test of the calling suite, removed afterwards. */
export function useTempDir(): { readonly path: string } {
  let current = '';
  beforeEach(() => {
    current = mkdtempSync(path.join(os.tmpdir(), 'cuesmith-test-'));
  });
  afterEach(() => rmSync(current, { recursive: true, force: true }));
  return {
    get path() {
      return current;
    },
  };
}
