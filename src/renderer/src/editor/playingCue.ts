/**
 * The cue under the playhead, highlighted in the editor. The workbench sets it with an
 * effect whenever playback enters another cue.
 */
import { StateEffect, StateField, type EditorState, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { cueField } from './cueField';

export const setPlayingCue = StateEffect.define<number>();

export const playingCueIndex = StateField.define<number>({
  create: () => -1,
  update(index, tr) {
    for (const effect of tr.effects) if (effect.is(setPlayingCue)) index = effect.value;
    return index;
  },
});

const playingLine = Decoration.line({ class: 'cm-playing-cue' });

function decorate(state: EditorState): DecorationSet {
  const index = state.field(playingCueIndex);
  const cue = state.field(cueField).cues[index];
  if (!cue) return Decoration.none;
  const ranges: Range<Decoration>[] = [];
  const last = state.doc.lineAt(Math.min(cue.to, state.doc.length)).number;
  for (let n = state.doc.lineAt(cue.from).number; n <= last; n++) ranges.push(playingLine.range(state.doc.line(n).from));
  return Decoration.set(ranges);
}

const playingDecorations = StateField.define<DecorationSet>({
  create: decorate,
  update(decorations, tr) {
    const moved = tr.effects.some((e) => e.is(setPlayingCue));
    return moved || tr.docChanged ? decorate(tr.state) : decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export const playingCue = [playingCueIndex, playingDecorations];
