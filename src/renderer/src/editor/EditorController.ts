/**
 * Owns the CodeMirror view. The document is the subtitle file itself; this class loads a
 * file as a fresh EditorState (so undo history never leaks across files) and reports cue
 * changes and the cursor's cue to the workbench.
 */
import { defaultKeymap, history, historyKeymap, redo, undo } from '@codemirror/commands';
import { openSearchPanel, search, searchKeymap } from '@codemirror/search';
import { EditorSelection, EditorState, type Extension, type StateEffect } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { Cue } from '../../../shared/cue';
import type { FormatId } from '../../../shared/formats';
import { cueField, cueIndexAt, documentFormat } from './cueField';
import { playingCue, playingCueIndex, setPlayingCue } from './playingCue';
import { timingSyntax } from './syntax';

export interface EditorCallbacks {
  /** The cue list changed (any edit). */
  onCues(cues: readonly Cue[]): void;
  /** The cursor moved into another cue (-1: before the first). */
  onCursorCue(index: number): void;
  /** The document changed. */
  onChange(): void;
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-content': { padding: '8px 0' },
});

export class EditorController {
  readonly view: EditorView;
  private cursorCue = -1;

  constructor(parent: HTMLElement, private readonly callbacks: EditorCallbacks) {
    this.view = new EditorView({ parent, state: this.createState('', 'srt') });
  }

  private createState(text: string, format: FormatId): EditorState {
    const report: Extension = EditorView.updateListener.of((update) => {
      const before = update.startState.field(cueField);
      const after = update.state.field(cueField);
      if (before !== after) this.callbacks.onCues(after.cues);
      if (update.docChanged) this.callbacks.onChange();
      if (update.docChanged || update.selectionSet) {
        const index = cueIndexAt(after.cues, update.state.selection.main.head);
        if (index !== this.cursorCue) {
          this.cursorCue = index;
          this.callbacks.onCursorCue(index);
        }
      }
    });
    return EditorState.create({
      doc: text,
      extensions: [
        documentFormat.of(format),
        cueField,
        playingCue,
        timingSyntax,
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        search({ top: true }),
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Transcript' }),
        theme,
        report,
      ],
    });
  }

  /** Shows a new file: a fresh state, history and cue model. */
  load(text: string, format: FormatId): void {
    this.cursorCue = -1;
    this.view.setState(this.createState(text, format));
    this.callbacks.onCues(this.cues);
    this.callbacks.onCursorCue(-1);
  }

  get cues(): readonly Cue[] {
    return this.view.state.field(cueField).cues;
  }

  get format(): FormatId {
    return this.view.state.facet(documentFormat);
  }

  text(): string {
    return this.view.state.doc.toString();
  }

  /** Puts the cursor at the start of a cue's text and scrolls it into view, without taking focus. */
  selectCue(index: number): void {
    const cue = this.cues[index];
    if (!cue) return;
    this.view.dispatch({
      selection: EditorSelection.cursor(cue.textFrom),
      effects: EditorView.scrollIntoView(cue.from, { y: 'nearest', yMargin: 48 }),
    });
  }

  /** Highlights the cue under the playhead; with `follow`, scrolls the editor to it. */
  setPlayingCue(index: number, follow: boolean): void {
    if (this.view.state.field(playingCueIndex) === index) return;
    const cue = this.cues[index];
    const effects: StateEffect<unknown>[] = [setPlayingCue.of(index)];
    if (follow && cue) effects.push(EditorView.scrollIntoView(cue.from, { y: 'nearest', yMargin: 48 }));
    this.view.dispatch({ effects });
  }

  undo(): void {
    undo(this.view);
  }

  redo(): void {
    redo(this.view);
  }

  find(): void {
    openSearchPanel(this.view);
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}
