/**
 * The layering of ARCHITECTURE.md, checked: src/shared imports nothing outside itself,
 * Electron is imported only by the Electron shell and the preload, and the renderer never
 * reaches into the main process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(relative));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(relative);
  }
  return out;
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specifiers: string[] = [];
  const pattern = /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const match of text.matchAll(pattern)) specifiers.push((match[1] ?? match[2] ?? match[3] ?? match[4])!);
  return specifiers;
}

function resolvesInto(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return path.normalize(path.join(path.dirname(file), specifier));
}

describe('layering', () => {
  it('finds the imports it checks', () => {
    expect(importsOf('src/main/index.ts')).toContain('electron');
    expect(importsOf('src/shared/formats/index.ts')).toContain('./srt');
  });

  it('src/shared imports only src/shared and a few pure libraries', () => {
    // Pure JavaScript with no DOM or Node use: the HTML character references WebVTT needs.
    const pureLibraries = new Set(['entities']);
    const offenders: string[] = [];
    for (const file of sourceFiles('src/shared')) {
      for (const specifier of importsOf(file)) {
        if (pureLibraries.has(specifier)) continue;
        const target = resolvesInto(file, specifier);
        if (target === null || !target.startsWith(`src${path.sep}shared`)) offenders.push(`${file} → ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('only the Electron shell and the preload import electron', () => {
    const allowed = new Set(['src/main/index.ts', 'src/preload/index.ts']);
    const offenders = ['src', 'tests/unit', 'bench']
      .flatMap((folder) => sourceFiles(folder))
      .filter((file) => !allowed.has(file))
      .filter((file) => {
        const text = readFileSync(path.join(root, file), 'utf8');
        // Type-only imports vanish at build time and are fine.
        return importsOf(file).some((s) => s === 'electron' || s.startsWith('electron/')) && !/^import type [^;]+ from 'electron';$/m.test(text);
      });
    expect(offenders).toEqual([]);
  });

  it('the renderer and the preload never import the main process or the CLI', () => {
    const offenders: string[] = [];
    for (const file of [...sourceFiles('src/renderer'), ...sourceFiles('src/preload')]) {
      for (const specifier of importsOf(file)) {
        const target = resolvesInto(file, specifier);
        if (target && (target.startsWith(`src${path.sep}main`) || target.startsWith(`src${path.sep}cli`))) {
          offenders.push(`${file} → ${specifier}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the Node services and the CLI never import the renderer', () => {
    const offenders = [...sourceFiles('src/main'), ...sourceFiles('src/cli')].flatMap((file) =>
      importsOf(file)
        .map((s) => resolvesInto(file, s))
        .filter((t): t is string => t !== null && t.startsWith(`src${path.sep}renderer`))
        .map((t) => `${file} → ${t}`),
    );
    expect(offenders).toEqual([]);
  });

  it('Vitest refuses to load electron', async () => {
    const name = 'electron';
    await expect(import(/* @vite-ignore */ name)).rejects.toThrow(/must not import Electron/);
  });
});
