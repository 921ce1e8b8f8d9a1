/**
 * Speech-activity detection on the energy track of `analysis.ts` (RMS in dBFS per frame):
 * where someone is talking and where the recording is quiet. Cleanup of text over
 * silence, snap-to-speech and automatic sync all read its segments.
 *
 * An energy detector, adaptive to the recording, in one linear pass after two cheap
 * preparations:
 *
 * 1. **Smoothing.** A centred moving average of the dB values over a few frames, so that
 *    the frame-to-frame flicker of noise does not cross thresholds on its own.
 * 2. **Noise floor.** The track is cut into blocks; each block's level is a low percentile
 *    of its frames (the quiet moments between words and sentences). The floor at a frame
 *    is the lowest block level within a window centred on it: a running minimum, so a
 *    room that gets noisier over a three-hour recording moves the floor with it, while a
 *    sentence or two of continuous speech does not lift it. Frames of digital silence
 *    (the analyzer's −100 dB) are never speech and never count toward the floor — a
 *    stretch of padding must not make the floor of the real room look 50 dB quieter.
 *    The floor is capped at `maxFloorDb`: a "floor" louder than that is the recording's
 *    content (continuous speech, music), not its noise.
 * 3. **Hysteresis with hangover.** Speech starts where the smoothed level reaches
 *    `startDb` above the floor, and its onset is taken back to where the level first rose
 *    above the lower `continueDb` line; it goes on while the level stays above that line,
 *    and dips below it shorter than `hangoverMs` do not end it (closures before plosives,
 *    breaths between words). It ends at the last frame above the line.
 * 4. **Clean-up.** Segments shorter than `minSpeechMs` are dropped (clicks, bumps), each
 *    kept segment is widened by the pre-roll and post-roll, and segments then closer than
 *    `mergeGapMs` are joined.
 *
 * The values of `DEFAULT_SPEECH_OPTIONS` were tuned on real recordings with reference
 * alignments (tests/unit/shared/speech.test.ts prints the scores).
 */

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
  /** Frames at or below this level (dBFS) are digital silence: never speech, not noise. */
  digitalSilenceDb: number;
  /** Level above the floor (dB) that starts speech. */
  startDb: number;
  /** Level above the floor (dB) that speech must keep to go on; below `startDb`. */
  continueDb: number;
  /** Dips below the continue level shorter than this stay inside the speech. */
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

export const DEFAULT_SPEECH_OPTIONS: Readonly<SpeechOptions> = Object.freeze({
  smoothingMs: 30,
  floorPercentile: 0.05,
  floorWindowMs: 20_000,
  floorBlockMs: 250,
  maxFloorDb: -35,
  digitalSilenceDb: -99,
  startDb: 10,
  continueDb: 5,
  hangoverMs: 250,
  minSpeechMs: 200,
  preRollMs: 0,
  postRollMs: 0,
  mergeGapMs: 50,
});

const framesFor = (ms: number, frameMs: number): number => Math.max(0, Math.round(ms / frameMs));

/** Centred moving average of the dB values; digital-silence frames stay as they are. */
function smooth(energy: Float32Array, width: number, silenceDb: number): Float32Array {
  const out = new Float32Array(energy.length);
  const half = Math.floor(width / 2);
  let sum = 0;
  let count = 0;
  // The window of frame i is [i − half, i + half], clipped to the track.
  for (let i = 0; i < Math.min(half, energy.length); i++) {
    sum += energy[i]!;
    count++;
  }
  for (let i = 0; i < energy.length; i++) {
    const enter = i + half;
    if (enter < energy.length) {
      sum += energy[enter]!;
      count++;
    }
    const leave = i - half - 1;
    if (leave >= 0) {
      sum -= energy[leave]!;
      count--;
    }
    out[i] = energy[i]! <= silenceDb ? energy[i]! : sum / count;
  }
  return out;
}

/** Resolution of the level histogram behind the noise floor. */
const HISTOGRAM_STEP_DB = 0.25;

/**
 * The noise floor of each block of `blockFrames`: the `floorPercentile` of the non-silent
 * levels within `floorWindowMs` centred on the block, capped at `maxFloorDb`. A sliding
 * histogram (0.25 dB bins) keeps it linear: each frame enters and leaves once, and each
 * block reads the histogram from the quiet end up to the percentile. A block whose
 * window holds no sound at all gets +Infinity (nothing there can be speech).
 */
function blockFloors(level: Float32Array, blockFrames: number, o: SpeechOptions, frameMs: number): Float64Array {
  const lowest = o.digitalSilenceDb;
  const binCount = Math.ceil((o.maxFloorDb - lowest) / HISTOGRAM_STEP_DB) + 1;
  // Levels at or above the cap share the last bin: the floor never needs to tell them apart.
  const binOf = (value: number) => Math.min(binCount - 1, Math.floor((value - lowest) / HISTOGRAM_STEP_DB));
  const histogram = new Int32Array(binCount);
  let inWindow = 0;
  const update = (i: number, delta: 1 | -1) => {
    const value = level[i]!;
    if (value <= lowest) return;
    histogram[binOf(value)]! += delta;
    inWindow += delta;
  };

  const blockCount = Math.ceil(level.length / blockFrames);
  const floors = new Float64Array(blockCount);
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
      floors[b] = Infinity;
      continue;
    }
    const rank = Math.floor(o.floorPercentile * (inWindow - 1));
    let bin = 0;
    for (let seen = histogram[0]!; seen <= rank; seen += histogram[++bin]!);
    floors[b] = Math.min(o.maxFloorDb, lowest + (bin + 0.5) * HISTOGRAM_STEP_DB);
  }
  return floors;
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
  const floors = blockFloors(level, blockFrames, o, frameMs);
  const hangover = framesFor(o.hangoverMs, frameMs);
  const minSpeech = framesFor(o.minSpeechMs, frameMs);

  // Frame ranges [start, end) of speech, before the rolls.
  const runs: number[] = [];
  let inSpeech = false;
  let start = 0;
  let riseStart = -1; // first frame of the current run above the continue level
  let lastActive = -1; // last frame above the continue level
  for (let i = 0; i < level.length; i++) {
    const floor = floors[Math.floor(i / blockFrames)]!;
    const value = level[i]!;
    const active = value > o.digitalSilenceDb && value >= floor + o.continueDb;
    if (!inSpeech) {
      if (!active) {
        riseStart = -1;
        continue;
      }
      if (riseStart < 0) riseStart = i;
      if (value >= floor + o.startDb) {
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
