/**
 * Parse throughput of our parsers against the JavaScript subtitle libraries people use
 * (`subtitle`, `media-captions`, `subsrt-ts`) on the same generated input, in one run.
 * Ours also produce source offsets and diagnostics, which none of them do. Target: at
 * least as fast as the fastest of them, and 100,000 cues parsed and serialized in well
 * under a second (Gaupol's Python library takes 1.5 s to open 100,000).
 */
import { parseText } from 'media-captions';
import { parseSync } from 'subtitle';
import subsrt from 'subsrt-ts';
import { srt } from '../../src/shared/formats/srt';
import { vtt } from '../../src/shared/formats/vtt';
import { generateCues } from './generate';

type Parser = { name: string; run: (text: string) => Promise<number> | number };

async function median(fn: () => Promise<unknown> | unknown, runs: number): Promise<number> {
  const first = performance.now();
  await fn(); // warm-up
  // A parser taking seconds per run is timed once more, not many times.
  if (performance.now() - first > 2000) runs = 1;
  else await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
}

async function compare(label: string, text: string, expected: number, parsers: Parser[], runs: number): Promise<void> {
  console.log(`\n${label}: ${expected.toLocaleString('en')} cues, ${(text.length / 1048576).toFixed(1)} MB`);
  const results: { name: string; ms: number }[] = [];
  for (const parser of parsers) {
    const ms = await median(() => parser.run(text), runs);
    const count = await parser.run(text);
    if (count !== expected) console.log(`  note: ${parser.name} found ${count} cues`);
    results.push({ name: parser.name, ms });
  }
  const ours = results[0]!;
  const fastestOther = Math.min(...results.slice(1).map((r) => r.ms));
  table([
    ['parser', 'median ms', 'cues/s', 'vs ours'],
    ...results.map((r) => [r.name, r.ms.toFixed(1), Math.round((expected / r.ms) * 1000).toLocaleString('en'), `${(r.ms / ours.ms).toFixed(2)}×`]),
  ]);
  console.log(`  ours / fastest other: ${(ours.ms / fastestOther).toFixed(2)} (≤ 1 means at least as fast)`);
}

const srtParsers: Parser[] = [
  { name: 'cuesmith srt (offsets + diagnostics)', run: (t) => srt.parse(t).cues.length },
  { name: 'subtitle parseSync', run: (t) => parseSync(t).filter((n) => n.type === 'cue').length },
  { name: 'media-captions parseText', run: async (t) => (await parseText(t, { type: 'srt' })).cues.length },
  { name: 'subsrt-ts parse', run: (t) => subsrt.parse(t, { format: 'srt' }).filter((c) => c.type === 'caption').length },
];

const vttParsers: Parser[] = [
  { name: 'cuesmith vtt (offsets + diagnostics)', run: (t) => vtt.parse(t).cues.length },
  { name: 'subtitle parseSync', run: (t) => parseSync(t).filter((n) => n.type === 'cue').length },
  { name: 'media-captions parseText', run: async (t) => (await parseText(t, { type: 'vtt' })).cues.length },
  { name: 'subsrt-ts parse', run: (t) => subsrt.parse(t, { format: 'vtt' }).filter((c) => c.type === 'caption').length },
];

const cues20k = generateCues(20_000);
const cues100k = generateCues(100_000, 7);
const srt20k = srt.serialize(cues20k);
const srt100k = srt.serialize(cues100k);

await compare('SRT, 20,000 cues', srt20k, 20_000, srtParsers, 9);
await compare('WebVTT, 20,000 cues', vtt.serialize(cues20k), 20_000, vttParsers, 9);
await compare('SRT, 100,000 cues', srt100k, 100_000, srtParsers, 5);

const parse100k = await median(() => srt.parse(srt100k), 5);
const parsed = srt.parse(srt100k).cues;
const serialize100k = await median(() => srt.serialize(parsed), 5);
console.log(
  `\nSRT 100,000 cues: parse ${parse100k.toFixed(0)} ms + serialize ${serialize100k.toFixed(0)} ms = ${(parse100k + serialize100k).toFixed(0)} ms ` +
    `(Gaupol: ~1,500 ms to open; ratio ${((parse100k + serialize100k) / 1500).toFixed(2)})`,
);
