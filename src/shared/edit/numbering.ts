/**
 * SRT's index lines when cues are inserted or removed. Subtitle Edit renumbers; so do we,
 * but only where the numbers were sequential: the new cue takes the number after the cue
 * before it, and the cues after it are renumbered as long as their numbers continue that
 * run (a file numbered 1..n stays 1..n). Where the run breaks — a file glued from two
 * parts, a hand-numbered cue — renumbering stops and the rest is left as the user wrote it.
 * Only the digits are rewritten, so spacing around them survives.
 *
 * Only SRT has index lines among the text formats (WebVTT identifiers are names, not
 * numbers to keep in sequence).
 */
import type { Cue } from '../cue';
import type { TextFormat } from '../formats/types';
import type { SourceText, TextChange } from './plan';

type Block = Pick<Cue, 'from' | 'timingFrom'>;

export const hasIndexLines = (format: TextFormat): boolean => format.id === 'srt';

/** The number on a cue's index line and where its digits stand; null when the cue has none or it is not a number. */
export function readIndex(doc: SourceText, cue: Block): { value: number; from: number; to: number } | null {
  if (cue.from >= cue.timingFrom) return null;
  const head = doc.slice(cue.from, cue.timingFrom);
  const lineEnd = head.indexOf('\n');
  if (lineEnd < 0) return null;
  const match = /^([ \t]*)(\d+)[ \t]*\r?$/.exec(head.slice(0, lineEnd));
  if (!match) return null;
  const from = cue.from + match[1]!.length;
  return { value: Number(match[2]), from, to: from + match[2]!.length };
}

/**
 * The number a cue standing after `cues[index]` (or first, for index -1) gets: one more
 * than that cue's number, or than its position when it has no number.
 */
export function numberAfter(format: TextFormat, doc: SourceText, cues: readonly Block[], index: number): number {
  const previous = cues[index];
  if (!previous) return index + 2;
  return ((hasIndexLines(format) ? readIndex(doc, previous)?.value : undefined) ?? index + 1) + 1;
}

/**
 * Rewrites the index lines of `cues[first]`, `cues[first + 1]` … by `delta` for as long as
 * they read `expected`, `expected + 1` …
 */
export function renumberRun(
  format: TextFormat,
  doc: SourceText,
  cues: readonly Block[],
  first: number,
  expected: number,
  delta: number,
): TextChange[] {
  const changes: TextChange[] = [];
  if (!hasIndexLines(format) || delta === 0) return changes;
  for (let i = first, n = expected; i < cues.length; i++, n++) {
    const index = readIndex(doc, cues[i]!);
    if (!index || index.value !== n) break;
    changes.push({ from: index.from, to: index.to, insert: String(n + delta) });
  }
  return changes;
}
