/**
 * The cue model as CodeMirror state: the document's format (a facet fixed when a file is
 * loaded) and the cues parsed from the text. Everything else — waveform boxes, the
 * playing-cue highlight, the cursor's cue — reads this field.
 *
 * For now the field re-parses the whole document when it changes; the parsers are linear
 * and the timing-workbench work replaces this with an incremental update.
 */
import { Facet, StateField, type EditorState, type Text } from '@codemirror/state';
import type { Cue, Diagnostic } from '../../../shared/cue';
import { getTextFormat, type FormatId } from '../../../shared/formats';

export const documentFormat = Facet.define<FormatId, FormatId>({
  combine: (values) => values[0] ?? 'srt',
});

export interface CueModel {
  format: FormatId;
  cues: readonly Cue[];
  diagnostics: readonly Diagnostic[];
}

function parseDoc(doc: Text, format: FormatId): CueModel {
  const { cues, diagnostics } = getTextFormat(format).parse(doc.toString());
  return { format, cues, diagnostics };
}

export const cueField = StateField.define<CueModel>({
  create: (state) => parseDoc(state.doc, state.facet(documentFormat)),
  update: (model, tr) => (tr.docChanged ? parseDoc(tr.state.doc, model.format) : model),
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

/** Index of the cue showing at `ms` (the latest-starting one when cues overlap), or -1. */
export function cueIndexAtTime(cues: readonly Cue[], ms: number): number {
  let best = -1;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    if (cue.start <= ms && ms < cue.end && (best < 0 || cue.start >= cues[best]!.start)) best = i;
  }
  return best;
}

export const cuesOf = (state: EditorState): readonly Cue[] => state.field(cueField).cues;
