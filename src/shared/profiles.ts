/**
 * Caption rules by name: the limits the editor colours against and the checks enforce.
 * Numbers from FIELD.md: Subtitle Edit's defaults and the Netflix English timed-text style.
 */

export interface CaptionProfile {
  id: string;
  label: string;
  /** Milliseconds. */
  minDuration: number;
  maxDuration: number;
  minGap: number;
  /** Characters per second: above `optimalCps` is worth a look, above `maxCps` is too fast. */
  optimalCps: number;
  maxCps: number;
  maxLineLength: number;
  maxLines: number;
  /** Lines shorter than this are better joined (Subtitle Edit's "unbreak"). */
  unbreakBelow: number;
  /** Frames per second for frame-based nudges and gaps. */
  frameRate: number;
}

export const PROFILES: readonly CaptionProfile[] = [
  {
    id: 'default',
    label: 'Default (Subtitle Edit)',
    minDuration: 1000,
    maxDuration: 8000,
    minGap: 24,
    optimalCps: 15,
    maxCps: 25,
    maxLineLength: 43,
    maxLines: 2,
    unbreakBelow: 33,
    frameRate: 25,
  },
  {
    id: 'netflix-en',
    label: 'Netflix English',
    minDuration: 833,
    maxDuration: 7007,
    minGap: 83, // two frames at 23.976
    optimalCps: 17,
    maxCps: 20,
    maxLineLength: 42,
    maxLines: 2,
    unbreakBelow: 33,
    frameRate: 23.976,
  },
];

export const DEFAULT_PROFILE: CaptionProfile = PROFILES[0]!;

export function findProfile(id: string): CaptionProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/**
 * Reading speed as Subtitle Edit counts it: characters of the visible text (markup and line
 * breaks removed, spaces kept) per second of display. Infinity for a zero-length cue with text.
 */
export function charactersPerSecond(plainText: string, durationMs: number): number {
  const characters = plainText.replace(/\n/g, '').length;
  if (characters === 0) return 0;
  return durationMs <= 0 ? Number.POSITIVE_INFINITY : (characters * 1000) / durationMs;
}
