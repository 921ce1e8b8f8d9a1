/**
 * Owns the CodeMirror view. The document is the subtitle file itself; this class loads a
 * file as a fresh EditorState (so undo history never leaks across files), applies edit
 * plans as single undo steps, shows live previews (a dragged edge) outside the history,
 * and reports cue changes and the cursor's cue to the workbench.
 */
import { defaultKeymap, history, historyKeymap, isolateHistory, redo, undo } from '@codemirror/commands';
import { openSearchPanel, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorSelection, EditorState, Prec, Transaction, type Extension, type StateEffect } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { ModelCue } from '../../../shared/cue-model';
import type { EditPlan, TextChange } from '../../../shared/edit';
import type { FormatContext, FormatId, TextFormat } from '../../../shared/formats';
import { DEFAULT_PROFILE, type CaptionProfile } from '../../../shared/profiles';
import { activeProfile, cueInfo } from './cueInfo';
import { cueField, cueIndexAt, documentFormat } from './cueField';
import { playingCue, playingCueIndex, setPlayingCue } from './playingCue';
import { timingSyntax } from './syntax';

export interface EditorCallbacks {
  /** The cue list changed (any edit). */
  onCues(cues: readonly ModelCue[]): void;
  /** The cursor moved into another cue (-1: before the first). */
  onCursorCue(index: number): void;
  /** The document changed. */
  onChange(): void;
  /** A key pressed in the editor: return true when a workbench command handled it. */
  onKey(event: KeyboardEvent): boolean;
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-content': { padding: '8px 0' },
});

/** What a live preview changed, so it can be taken back before the final change is applied. */
interface Preview {
  /** The changes that undo the preview, in the current document. */
  revert: TextChange[];
}

export class EditorController {
  readonly view: EditorView;
  private cursorCue = -1;
  private readonly profile = new Compartment();
  private currentProfile: CaptionProfile = DEFAULT_PROFILE;
  private preview: Preview | null = null;

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
        this.profile.of(activeProfile.of(this.currentProfile)),
        cueInfo,
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        search({ top: true }),
        // Workbench shortcuts come before CodeMirror's own keys.
        Prec.highest(EditorView.domEventHandlers({ keydown: (event) => this.callbacks.onKey(event) })),
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
    this.preview = null;
    this.view.setState(this.createState(text, format));
    this.callbacks.onCues(this.cues);
    this.callbacks.onCursorCue(-1);
  }

  setProfile(profile: CaptionProfile): void {
    this.currentProfile = profile;
    this.view.dispatch({ effects: this.profile.reconfigure(activeProfile.of(profile)) });
  }

  get cues(): readonly ModelCue[] {
    return this.view.state.field(cueField).cues;
  }

  get format(): FormatId {
    return this.view.state.facet(documentFormat);
  }

  get textFormat(): TextFormat {
    return this.view.state.field(cueField).format;
  }

  /** What the document's head establishes for reading cues (passed to edit operations). */
  get context(): FormatContext {
    return this.view.state.field(cueField).context;
  }

  /** Problems found while reading the text (warnings and errors). */
  get problemCount(): number {
    return this.view.state.field(cueField).diagnostics.filter((d) => d.severity !== 'info').length;
  }

  /** The document as edit operations read it. */
  get source(): { length: number; slice(from: number, to: number): string } {
    const doc = this.view.state.doc;
    return { length: doc.length, slice: (from, to) => doc.sliceString(from, to) };
  }

  text(): string {
    return this.view.state.doc.toString();
  }

  get cursor(): number {
    return this.view.state.selection.main.head;
  }

  /** The cue holding the cursor, or -1. */
  get cursorCueIndex(): number {
    return cueIndexAt(this.cues, this.cursor);
  }

  /**
   * Applies an edit plan as one undo step that never merges with typing; the cursor goes
   * where the plan says.
   */
  apply(plan: EditPlan, userEvent: string): void {
    this.endPreview();
    const state = this.view.state;
    const changes = state.changes(plan.changes);
    this.view.dispatch({
      changes,
      selection: plan.selection !== undefined ? EditorSelection.cursor(Math.min(plan.selection, changes.newLength)) : undefined,
      userEvent,
      annotations: isolateHistory.of('full'),
      scrollIntoView: plan.selection !== undefined,
    });
  }

  /**
   * Shows a plan without recording it (a drag in progress). Each preview replaces the last;
   * `commitPreview` records the final state as one step, `cancelPreview` restores the text.
   */
  showPreview(plan: EditPlan | null): void {
    this.endPreview();
    if (!plan) return;
    const changes = this.view.state.changes(plan.changes);
    const inverted = changes.invert(this.view.state.doc);
    const revert: TextChange[] = [];
    inverted.iterChanges((from, to, _fromB, _toB, inserted) => revert.push({ from, to, insert: inserted.toString() }));
    this.view.dispatch({ changes, annotations: Transaction.addToHistory.of(false) });
    this.preview = { revert };
  }

  /** Takes a preview back without recording anything. */
  cancelPreview(): void {
    this.endPreview();
  }

  private endPreview(): void {
    if (!this.preview) return;
    const { revert } = this.preview;
    this.preview = null;
    this.view.dispatch({ changes: revert, annotations: Transaction.addToHistory.of(false) });
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
