import { srt } from './srt';
import { whisper } from './whisper';
import type { FormatId, SubtitleFormat } from './types';

export type { FormatId, SubtitleFormat, SerializeOptions } from './types';

export const FORMATS: readonly SubtitleFormat[] = [srt, whisper];

export function getFormat(id: FormatId): SubtitleFormat {
  const format = FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`Unknown format: ${id}`);
  return format;
}

export function isFormatId(value: unknown): value is FormatId {
  return typeof value === 'string' && FORMATS.some((f) => f.id === value);
}

/** The most likely format of a text, or null when nothing fits. */
export function detectFormat(text: string, fileName?: string): SubtitleFormat | null {
  let best: SubtitleFormat | null = null;
  let bestScore = 0;
  for (const format of FORMATS) {
    const score = format.detect(text, fileName);
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return bestScore >= 0.3 ? best : null;
}
