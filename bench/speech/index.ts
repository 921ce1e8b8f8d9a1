/**
 * `npx tsx bench/run.ts speech`: what speech detection costs on a three-hour recording's
 * energy track (1,080,000 frames of 10 ms), the longest media Cuesmith is built for.
 * Baselines, measured in the same run over the same array: a plain single-threshold pass
 * (one comparison a frame and the runs it gives: the least any detector must do), and the
 * naive adaptive detector that sorts the whole track for a global noise floor first.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_ANALYSIS } from '../../src/shared/audio/analysis';
import { detectSpeech } from '../../src/shared/audio/speech';

const FRAME_MS = DEFAULT_ANALYSIS.energyFrameMs;
const FRAMES = (3 * 3600 * 1000) / FRAME_MS;
const WARM_UP_ROUNDS = 3;
const MEASURED_ROUNDS = 11;

/** Deterministic, so every run times the same track (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Speech-like bursts (0.3–8 s, syllables at 3–6 Hz, 15–35 dB over the noise) and pauses
 * (0.1–3 s), over a noise floor that wanders between −65 and −45 dBFS over the hours.
 */
function makeTrack(): { energy: Float32Array; bursts: number } {
  const random = seededRandom(3);
  const energy = new Float32Array(FRAMES);
  let bursts = 0;
  for (let at = 0; at < FRAMES; ) {
    const floor = -55 + 10 * Math.sin((2 * Math.PI * at) / (FRAMES / 3));
    const pause = Math.round((100 + random() * 2900) / FRAME_MS);
    for (let end = Math.min(FRAMES, at + pause); at < end; at++) energy[at] = floor + (random() * 2 - 1) * 2;
    const length = Math.round((300 + random() * 7700) / FRAME_MS);
    const loudness = floor + 15 + random() * 20;
    const rate = 3 + random() * 3;
    for (let i = 0, end = Math.min(FRAMES, at + length); at < end; at++, i++) {
      energy[at] = loudness + 6 * Math.sin((2 * Math.PI * rate * i * FRAME_MS) / 1000) + (random() * 2 - 1) * 2;
    }
    bursts++;
  }
  return { energy, bursts };
}

/** One fixed threshold: runs of frames at or above it, as [start, end) frame pairs. */
function singleThreshold(energy: Float32Array, threshold: number): number[] {
  const runs: number[] = [];
  let start = -1;
  for (let i = 0; i < energy.length; i++) {
    if (energy[i]! >= threshold) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push(start, i);
      start = -1;
    }
  }
  if (start >= 0) runs.push(start, energy.length);
  return runs;
}

/** The naive adaptive version: sort a copy for the 5th percentile, then one threshold over it. */
function sortedFloorThreshold(energy: Float32Array): number[] {
  const sorted = Float32Array.from(energy).sort();
  return singleThreshold(energy, sorted[Math.floor(sorted.length * 0.05)]! + 9);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median wall time of `run` after warm-up rounds, and what its last round returned. */
function time<T extends { length: number }>(run: () => T): { ms: number; result: T } {
  let result = run();
  const round = () => {
    const start = performance.now();
    result = run();
    return performance.now() - start;
  };
  for (let i = 0; i < WARM_UP_ROUNDS; i++) round();
  return { ms: median(Array.from({ length: MEASURED_ROUNDS }, round)), result };
}

const { energy, bursts } = makeTrack();
const baseline = time(() => singleThreshold(energy, -40));
const rows: [label: string, ms: number, found: number][] = [
  ['baseline: single threshold (−40 dBFS)', baseline.ms, baseline.result.length / 2],
  ...[sortedFloorThreshold, (e: Float32Array) => detectSpeech(e, FRAME_MS)].map((run, i): [string, number, number] => {
    const { ms, result } = time(() => run(energy));
    const found = i === 0 ? result.length / 2 : result.length;
    return [i === 0 ? 'sort for a global floor + threshold' : 'detectSpeech (defaults)', ms, found];
  }),
];

console.log(
  `${FRAMES.toLocaleString('en')} frames (3 h of ${FRAME_MS} ms), ${bursts.toLocaleString('en')} speech bursts generated. ` +
    `Median of ${MEASURED_ROUNDS} rounds after ${WARM_UP_ROUNDS} warm-up.`,
);
console.log(`${'pass'.padEnd(40)}${'ms'.padStart(10)}${'ns/frame'.padStart(10)}${'× baseline'.padStart(12)}${'segments'.padStart(10)}`);
for (const [label, ms, found] of rows) {
  console.log(
    `${label.padEnd(40)}${ms.toFixed(2).padStart(10)}${((ms * 1e6) / FRAMES).toFixed(1).padStart(10)}${(ms / baseline.ms).toFixed(2).padStart(12)}${String(found).padStart(10)}`,
  );
}
