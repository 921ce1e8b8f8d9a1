/**
 * BBC audiowaveform's peak formats (https://github.com/bbc/audiowaveform, doc/DataFormat.md),
 * so other tools (peaks.js, wavesurfer examples) can use Cuesmith's peaks: JSON version 2
 * and the binary .dat version 2, both 8-bit, one channel.
 */
import type { AudioAnalysis } from './analysis';

const samplesPerPixel = (analysis: AudioAnalysis): number => Math.round(analysis.sampleRate / analysis.peaksPerSecond);

export function toAudiowaveformJson(analysis: AudioAnalysis): string {
  return JSON.stringify({
    version: 2,
    channels: 1,
    sample_rate: analysis.sampleRate,
    samples_per_pixel: samplesPerPixel(analysis),
    bits: 8,
    length: analysis.peaks.length / 2,
    data: Array.from(analysis.peaks),
  });
}

/** Header: version, flags (bit 0: 8-bit), sample rate, samples per pixel, length, channels (all 32-bit LE); then min/max bytes. */
export function toAudiowaveformDat(analysis: AudioAnalysis): Uint8Array {
  const out = new Uint8Array(24 + analysis.peaks.length);
  const view = new DataView(out.buffer);
  view.setInt32(0, 2, true);
  view.setUint32(4, 1, true);
  view.setInt32(8, analysis.sampleRate, true);
  view.setInt32(12, samplesPerPixel(analysis), true);
  view.setUint32(16, analysis.peaks.length / 2, true);
  view.setInt32(20, 1, true);
  out.set(new Uint8Array(analysis.peaks.buffer, analysis.peaks.byteOffset, analysis.peaks.byteLength), 24);
  return out;
}

/** The 10 ms energy track as JSON, levels rounded to 0.1 dB. */
export function energyJson(analysis: AudioAnalysis): string {
  return JSON.stringify({
    version: 1,
    frame_ms: analysis.energyFrameMs,
    unit: 'dBFS',
    length: analysis.energy.length,
    data: Array.from(analysis.energy, (db) => Math.round(db * 10) / 10),
  });
}
