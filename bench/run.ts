/**
 * `npm run bench`: runs every benchmark folder under bench/ (each has an index.ts that
 * prints its own table of figures and ratios against a baseline measured in the same run).
 * `npm run bench -- formats` runs one.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const wanted = process.argv.slice(2);
const suites = readdirSync(here, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(here, e.name, 'index.ts')))
  .map((e) => e.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name));

if (suites.length === 0) {
  console.error(wanted.length ? `No benchmark named ${wanted.join(', ')}.` : 'No benchmarks found under bench/.');
  process.exit(2);
}
for (const suite of suites) {
  console.log(`\n=== bench/${suite} ===`);
  await import(pathToFileURL(path.join(here, suite, 'index.ts')).href);
}
