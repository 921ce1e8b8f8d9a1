/**
 * Runs one analysis in a fresh process and reports its time and the process's peak memory,
 * so the benchmark measures our pass alone (not the benchmark's own allocations).
 */
import { AnalysisJob } from '../../src/main/services/media-analysis';
import { resolveMediaTools } from '../../src/main/services/ffmpeg';
import { MediaCache } from '../../src/main/services/media-cache';

const [file, cacheFolder] = process.argv.slice(2);
const started = performance.now();
const job = new AnalysisJob({
  file: file!,
  name: file!,
  track: 0,
  duration: null,
  ffmpeg: resolveMediaTools(undefined).ffmpeg,
  cache: cacheFolder ? new MediaCache(cacheFolder) : null,
});
const analysis = await job.result;
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, duration: analysis.duration, peaks: analysis.peaks.length / 2 }));
