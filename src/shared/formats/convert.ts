/**
 * Converting cues from one format to another: markup is translated (markup.ts) and
 * format-specific fields that would mean something else in the target are dropped.
 */
import type { CueData } from '../cue';
import { readAssRuns, readPlainRuns, readSrtRuns, readVttRuns, writeRuns, type MarkupDialect, type RunReader, type StyledRun } from './markup';
import type { FormatId } from './types';

const DIALECTS: Partial<Record<FormatId, MarkupDialect>> = { srt: 'srt', vtt: 'vtt', ass: 'ass', ssa: 'ass' };

export function dialectOf(format: FormatId): MarkupDialect {
  return DIALECTS[format] ?? 'plain';
}

const readers: Readonly<Record<MarkupDialect, RunReader>> = {
  srt: readSrtRuns,
  ass: readAssRuns,
  plain: readPlainRuns,
  vtt: readVttRuns,
};

export function convertCues(cues: readonly CueData[], from: FormatId, to: FormatId): CueData[] {
  if (from === to) return cues.map((cue) => ({ ...cue }));
  const source = dialectOf(from);
  const target = dialectOf(to);
  return cues.map((cue) => {
    // Identifiers and settings (WebVTT positions, SRT coordinates, ASS fields) belong to their format.
    const converted: CueData = { start: cue.start, end: cue.end, text: cue.text };
    if (source !== target) converted.text = writeRuns(readers[source](cue.text), target);
    if (cue.meta) converted.meta = cue.meta;
    if (cue.words) converted.words = cue.words;
    if (cue.identifier && to === 'vtt') converted.identifier = cue.identifier;
    return converted;
  });
}

/** A cue's text as styled runs (italic, bold, underline): what a player shows. */
export function styledRunsOf(text: string, format: FormatId): StyledRun[] {
  return readers[dialectOf(format)](text);
}

/** A cue's text as people read it: markup removed, references decoded (cue box labels, checks). */
export function plainTextOf(text: string, format: FormatId): string {
  return writeRuns(styledRunsOf(text, format), 'plain');
}
