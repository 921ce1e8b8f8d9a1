/**
 * The format registry: every format Cuesmith reads or writes, detection, and the reading
 * of any readable format into cues.
 */
import type { CueData, Diagnostic } from '../cue';
import { ass, ssa } from './ass';
import { lrc } from './lrc';
import { plainText } from './plain-text';
import { sbv } from './sbv';
import { srt } from './srt';
import type { FormatId, SubtitleFormat, TextFormat } from './types';
import { vtt } from './vtt';
import { whisper } from './whisper';
import { whisperCsv } from './whisper-csv';
import { whisperJson } from './whisper-json';
import { whisperTsv } from './whisper-tsv';
import { whisperxJson } from './whisperx-json';

export type { DataFormat, ExportFormat, FormatContext, FormatId, ReadResult, SerializeOptions, SubtitleFormat, TextFormat } from './types';

export const FORMATS: readonly SubtitleFormat[] = [
  srt,
  vtt,
  whisper,
  sbv,
  ass,
  ssa,
  lrc,
  whisperJson,
  whisperxJson,
  whisperTsv,
  whisperCsv,
  plainText,
];

export function findFormat(id: string): SubtitleFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

export function getFormat(id: FormatId): SubtitleFormat {
  const format = findFormat(id);
  if (!format) throw new Error(`Unknown format: ${id}`);
  return format;
}

/** A format the editor can hold as text. */
export function getTextFormat(id: FormatId): TextFormat {
  const format = getFormat(id);
  if (format.kind !== 'text') throw new Error(`${format.label} is not edited as text`);
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
    if (format.kind === 'export') continue;
    const score = format.detect(text, fileName);
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return bestScore >= 0.3 ? best : null;
}

/** Cues and diagnostics of a text in any readable format. */
export function readCues(format: SubtitleFormat, text: string): { cues: CueData[]; diagnostics: Diagnostic[] } {
  if (format.kind === 'text') return format.parse(text);
  if (format.kind === 'data') return format.read(text);
  throw new Error(`${format.label} can only be written, not read`);
}
