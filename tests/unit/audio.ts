/**
 * Test helper: decode a recording with ffmpeg (mono, 8 kHz, 16-bit) and analyse it with
 * the same analyzer the app uses. For short files only (the whole PCM is held in memory).
 */
import { execFileSync } from 'node:child_process';
import { AudioAnalyzer, DEFAULT_ANALYSIS, type AudioAnalysis } from '../../src/shared/audio/analysis';
import { findFfmpeg } from '../../src/main/services/ffmpeg';

export const ffmpegPath = findFfmpeg();

export function decodePcm(file: string, sampleRate = DEFAULT_ANALYSIS.sampleRate): Int16Array {
  if (!ffmpegPath) throw new Error('ffmpeg is needed to decode test recordings');
  const bytes = execFileSync(ffmpegPath, ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(sampleRate), '-f', 's16le', '-'], {
    maxBuffer: 1 << 30,
  });
  return new Int16Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 2));
}

export function analyzeFile(file: string): AudioAnalysis {
  const analyzer = new AudioAnalyzer();
  analyzer.push(decodePcm(file));
  return analyzer.finish();
}
