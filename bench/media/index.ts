/**
 * Long recordings. Generates a 3-hour speech-like MP3 and Opus file (kept in the temp
 * folder between runs, never in the repo), then measures in one run:
 *   - ffmpeg decoding alone (`ffmpeg -i file -f null -`) against our peaks+energy pass
 *     (target ratio ≤ 1.25), and our process's peak memory (target ≤ 150 MB);
 *   - reopening from the disk cache (target ≤ 100 ms);
 *   - the renderer's heap after loading the 3-hour waveform, against an empty editor
 *     (target ≤ 100 MB above it), through the browser host in Chromium;
 *   - the naive path for comparison: the browser decoding a 30-minute file itself, as
 *     wavesurfer does without peaks.
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(os.tmpdir(), 'cuesmith-bench-media');
mkdirSync(work, { recursive: true });
const SECONDS = 3 * 3600;

/** Speech-like: noise shaped by a syllable-rate envelope with pauses, low-passed. */
const SPEECH = `anoisesrc=d=${SECONDS}:c=pink:r=16000:a=0.5,volume='0.2+0.8*gt(sin(2*PI*0.35*t),-0.3)*abs(sin(2*PI*3.7*t))':eval=frame,lowpass=f=3500`;

function ensure(name: string, codec: string[]): string {
  const file = path.join(work, name);
  if (!existsSync(file) || statSync(file).size === 0) {
    console.log(`generating ${name} (3 hours; once, then kept in ${work})…`);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', SPEECH, '-ac', '1', ...codec, file]);
  }
  return file;
}

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

interface ChildResult {
  ms: number;
  maxRssMB: number;
  duration: number;
}

function analyzeInChild(file: string, cacheFolder?: string): ChildResult {
  const args = ['tsx', path.join(root, 'bench/media/analyze-child.ts'), file, ...(cacheFolder ? [cacheFolder] : [])];
  const result = spawnSync('npx', args, { encoding: 'utf8', cwd: root });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

const files = {
  MP3: ensure('speech-3h.mp3', ['-c:a', 'libmp3lame', '-b:a', '64k']),
  Opus: ensure('speech-3h.opus', ['-c:a', 'libopus', '-b:a', '32k']),
};

console.log('\nDecoding a 3-hour recording: ffmpeg alone vs our peaks+energy pass (same run)');
const rows: string[][] = [['file', 'ffmpeg -f null', 'ours', 'ratio', 'our peak RSS', 'cached reopen']];
for (const [label, file] of Object.entries(files)) {
  // Alternating runs, median of three each: these shared machines are noisy.
  const ffmpegRuns: number[] = [];
  const ourRuns: ChildResult[] = [];
  for (let run = 0; run < 3; run++) {
    ffmpegRuns.push(time(() => execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'])));
    ourRuns.push(analyzeInChild(file));
  }
  const ffmpegMs = ffmpegRuns.sort((a, b) => a - b)[1]!;
  const ours = ourRuns.sort((a, b) => a.ms - b.ms)[1]!;
  const cache = mkdtempSync(path.join(os.tmpdir(), 'cuesmith-bench-cache-'));
  analyzeInChild(file, cache);
  const cached = analyzeInChild(file, cache);
  rmSync(cache, { recursive: true, force: true });
  rows.push([
    label,
    `${(ffmpegMs / 1000).toFixed(1)} s`,
    `${(ours.ms / 1000).toFixed(1)} s`,
    `${(ours.ms / ffmpegMs).toFixed(2)} (≤ 1.25)`,
    `${ours.maxRssMB.toFixed(0)} MB (≤ 150)`,
    `${cached.ms.toFixed(0)} ms (≤ 100)`,
  ]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));

// The renderer: our path (peaks) for 3 hours against the naive path (decoding) for 30 minutes.
const thirtyMinutes = path.join(work, 'speech-30min.mp3');
if (!existsSync(thirtyMinutes)) execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', files.MP3, '-t', '1800', '-c', 'copy', thirtyMinutes]);

/** Runs `measure` on a browser-host page opened with `files`, then closes everything. */
async function withPage<T>(files: string[], measure: (page: Page, cdp: CDPSession, browserCdp: CDPSession) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cuesmith-bench-data-'));
  const host = spawn(process.execPath, [path.join(root, 'bin/cuesmith.js'), 'web', ...files], {
    env: { ...process.env, CUESMITH_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    host.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /running at (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--mute-audio'],
  });
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(url);
    await page.waitForSelector('.cm-editor', { state: 'attached' });
    return await measure(page, cdp, await browser.newBrowserCDPSession());
  } finally {
    await browser.close();
    host.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1048576;
}

/** Resident memory of the page's renderer process (Linux): it includes decoded audio, which the JS heap does not. */
async function rendererRssMB(browserCdp: CDPSession): Promise<number> {
  const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number; type: string }[] };
  return info.processInfo
    .filter((p) => p.type === 'renderer')
    .reduce((sum, { id }) => sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) / 1024, 0);
}

const sample = path.join(root, 'resources/sample/sample.txt');
const empty = await withPage([], async (_page, cdp, browserCdp) => ({ heap: await heapMB(cdp), rss: await rendererRssMB(browserCdp) }));
const ours = await withPage([sample, files.MP3], async (page, cdp, browserCdp) => {
  await page.waitForSelector('.cue-box', { timeout: 600_000 });
  return { heap: await heapMB(cdp), rss: await rendererRssMB(browserCdp) };
});
const naive = await withPage([sample, thirtyMinutes], async (page, _cdp, browserCdp) => {
  await page.waitForSelector('audio', { state: 'attached' });
  const before = await rendererRssMB(browserCdp);
  const decode = await page.evaluate(async () => {
    const started = performance.now();
    const bytes = await (await fetch(document.querySelector('audio')!.src)).arrayBuffer();
    const buffer = await new AudioContext().decodeAudioData(bytes);
    (window as unknown as { decoded: AudioBuffer }).decoded = buffer; // keep it, as wavesurfer does
    return { ms: performance.now() - started, seconds: buffer.duration };
  });
  return { ...decode, rssGrowth: (await rendererRssMB(browserCdp)) - before };
});

console.log('\nThe renderer');
console.log(`  empty editor:                  heap ${empty.heap.toFixed(1)} MB, renderer RSS ${empty.rss.toFixed(0)} MB`);
console.log(`  3-hour waveform (our peaks):   heap ${ours.heap.toFixed(1)} MB (+${(ours.heap - empty.heap).toFixed(1)} MB, target ≤ 100), renderer RSS ${ours.rss.toFixed(0)} MB (+${(ours.rss - empty.rss).toFixed(0)} MB)`);
console.log(`  naive: decoding 30 minutes:    ${(naive.ms / 1000).toFixed(1)} s, renderer RSS +${naive.rssGrowth.toFixed(0)} MB for ${(naive.seconds / 60).toFixed(0)} min of audio`);
console.log(`  → the naive path costs ${(naive.rssGrowth / Math.max(1, ours.rss - empty.rss)).toFixed(1)}× the memory for a sixth of the length`);
