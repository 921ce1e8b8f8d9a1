/**
 * The cue model as CodeMirror state: the document's format (a facet fixed when a file is
 * loaded) and the cues read from the text, updated incrementally from each transaction's
 * changed ranges (src/shared/cue-model.ts). Everything else — waveform boxes, the playing
 * cue, the cursor's cue, inline timing information — reads this field.
 */
import { Facet, StateField, type Text } from '@codemirror/state';
import type { Cue } from '../../../shared/cue';
import { buildModel, updateModel, type ChangedRange, type CueModel, type ModelCue } from '../../../shared/cue-model';
import { getTextFormat, type FormatId } from '../../../shared/formats';

export type { CueModel, ModelCue };

export const documentFormat = Facet.define<FormatId, FormatId>({
  combine: (values) => values[0] ?? 'srt',
});

const access = (doc: Text) => ({
  length: doc.length,
  slice: (from: number, to: number) => doc.sliceString(from, to),
  lineOf: (offset: number) => doc.lineAt(offset).number,
  text: () => doc.toString(),
});

export const cueField = StateField.define<CueModel>({
  create: (state) => buildModel(getTextFormat(state.facet(documentFormat)), state.doc.toString()),
  update(model, tr) {
    if (!tr.docChanged) return model;
    const ranges: ChangedRange[] = [];
    tr.changes.iterChangedRanges((fromA, toA, fromB, toB) => ranges.push({ fromA, toA, fromB, toB }));
    return updateModel(model, ranges, access(tr.startState.doc), access(tr.newDoc));
  },
});

/**
 * Index of the cue a position belongs to: the last cue starting at or before it (the blank
 * lines after a cue belong to it). -1 before the first cue.
 */
export function cueIndexAt(cues: readonly Cue[], pos: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.from <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Index of the cue showing at `ms` (the latest-starting one when cues overlap), or -1.
 * Cues are nearly always in time order: a binary search finds the candidates, and a short
 * walk back covers overlaps; out-of-order files fall back to a scan.
 */
export function cueIndexAtTime(cues: readonly Cue[], ms: number, sorted = isSortedByStart(cues)): number {
  if (!sorted) {
    let best = -1;
    for (let i = 0; i < cues.length; i++) {
      const cue = cues[i]!;
      if (cue.start <= ms && ms < cue.end && (best < 0 || cue.start >= cues[best]!.start)) best = i;
    }
    return best;
  }
  let lo = 0;
  let hi = cues.length - 1;
  let last = -1; // the last cue starting at or before ms
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.start <= ms) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Walk back over cues that started earlier but may still be showing (long overlapping cues are rare).
  for (let i = last, steps = 0; i >= 0 && steps < 64; i--, steps++) {
    if (ms < cues[i]!.end) return i;
  }
  return -1;
}

const sortedCache = new WeakMap<readonly Cue[], boolean>();
export function isSortedByStart(cues: readonly Cue[]): boolean {
  let sorted = sortedCache.get(cues);
  if (sorted === undefined) {
    sorted = true;
    for (let i = 1; i < cues.length && sorted; i++) if (cues[i]!.start < cues[i - 1]!.start) sorted = false;
    sortedCache.set(cues, sorted);
  }
  return sorted;
}

export const cuesOf = (state: { field: (f: typeof cueField) => CueModel }): readonly ModelCue[] => state.field(cueField).cues;
