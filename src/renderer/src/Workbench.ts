/**
 * The editor, the waveform and the media element as one instrument: whatever happens in
 * one shows in the others, and every timing action — a key, a drag, a split — is one
 * transaction on the text (one undo step). Plain TypeScript driven imperatively from React
 * refs, so playback and typing never re-render the React tree.
 */
import type { Text } from '@codemirror/state';
import type { PeaksData } from '../../shared/api';
import type { ModelCue } from '../../shared/cue-model';
import {
  clampToNeighbours,
  deleteCue,
  neighbourBounds,
  insertCueAfter,
  insertCueAt,
  mergeWithNext,
  nudge,
  retime,
  setEdgeAt,
  snap,
  snapTargets,
  splitCue,
  spot,
  type EditPlan,
} from '../../shared/edit';
import type { FormatId } from '../../shared/formats';
import { PLAYBACK_RATES } from '../../shared/preferences';
import { DEFAULT_PROFILE, type CaptionProfile } from '../../shared/profiles';
import { keyName, resolveKey } from './commands/keys';
import { COMMANDS, actsInText, type CommandDefinition } from './commands/registry';
import { EditorController } from './editor/EditorController';
import { cueIndexAtTime } from './editor/cueField';
import { acceptsTyping } from './keyboard';
import type { DragMode, DragModifiers } from './waveform/cueLayer';
import { WaveformController } from './waveform/WaveformController';

export interface WorkbenchEvents {
  onCueCount(count: number): void;
  onCursorCue(index: number): void;
  onDirty(dirty: boolean): void;
  onPlaying(playing: boolean): void;
  /** Called every animation frame while playing, and after seeks: keep it cheap. */
  onTime(ms: number): void;
  /** The cue under the playhead changed (its text, or null between cues). */
  onPlayingCue(text: string | null): void;
  onPlaybackRate(rate: number): void;
  onFollowPlayback(follow: boolean): void;
  /** A command asked for a panel the page owns (the shortcuts overlay). */
  onShowShortcuts(): void;
  /** Something the user should know (a command that could not apply …). */
  onMessage(text: string): void;
}

/** How far before/after a cue's edge "play before start"/"play after end" starts or stops. */
const EDGE_PREVIEW_MS = 500;
const JUMP_BACK_MS = 2000;
const SMALL_NUDGE_MS = 10;
const LARGE_NUDGE_MS = 100;
/** Snapping distance on the waveform, in screen pixels. */
const SNAP_PX = 8;
/** A new cue inserted by key lasts this long when there is room. */
const NEW_CUE_MS = 2000;

interface DragState {
  mode: DragMode;
  index: number;
  /** The cues when the drag began: plans are made against this text, the preview replaced each move. */
  cues: readonly ModelCue[];
  anchorMs: number;
  start: number;
  end: number;
  /** The latest times chosen. */
  next: { start: number; end: number } | null;
}

export class Workbench {
  readonly editor: EditorController;
  private waveform: WaveformController | null = null;
  private media: HTMLMediaElement | null = null;
  private cues: readonly ModelCue[] = [];
  private playingIndex = -1;
  private savedDoc: Text;
  private dirty = false;
  private frame = 0;
  private followPlayback = true;
  private profile: CaptionProfile = DEFAULT_PROFILE;
  private keys = new Map<string, string>();
  /** Playing a range: stop (or loop back) at `end`. */
  private range: { start: number; end: number; loop: boolean } | null = null;
  private drag: DragState | null = null;
  private readonly detachMedia: (() => void)[] = [];

  constructor(
    editorParent: HTMLElement,
    private readonly events: WorkbenchEvents,
  ) {
    this.editor = new EditorController(editorParent, {
      onCues: (cues) => {
        this.cues = cues;
        this.waveform?.setCues(cues, this.editor.format);
        this.events.onCueCount(cues.length);
        this.playingIndex = -2; // the playing cue's text may have changed
        this.updatePlaying();
      },
      onCursorCue: (index) => {
        this.waveform?.setSelected(index);
        this.events.onCursorCue(index);
      },
      onChange: () => this.updateDirty(),
      onKey: (event) => this.handleKey(event, true),
    });
    this.savedDoc = this.editor.view.state.doc;
    this.setKeyOverrides({});
  }

  // ---------------------------------------------------------------------------------------
  // Documents

  loadTranscript(text: string, format: FormatId): void {
    this.editor.load(text, format);
    this.markSaved();
  }

  /** The current text is what is on disk now. */
  markSaved(): void {
    this.savedDoc = this.editor.view.state.doc;
    this.updateDirty();
  }

  private updateDirty(): void {
    const doc = this.editor.view.state.doc;
    const dirty = !(doc === this.savedDoc || (doc.length === this.savedDoc.length && doc.eq(this.savedDoc)));
    if (dirty !== this.dirty) {
      this.dirty = dirty;
      this.events.onDirty(dirty);
    }
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  setProfile(profile: CaptionProfile): void {
    this.profile = profile;
    this.editor.setProfile(profile);
  }

  setFollowPlayback(follow: boolean): void {
    this.followPlayback = follow;
    this.events.onFollowPlayback(follow);
  }

  // ---------------------------------------------------------------------------------------
  // Media

  /** Connects a media element (audio or video) and the container its waveform goes in. */
  attachMedia(media: HTMLMediaElement, waveformContainer: HTMLElement): void {
    this.detach();
    this.media = media;
    media.preservesPitch = true;
    this.waveform = new WaveformController(waveformContainer, media, {
      onCueActivate: (index) => this.activateCue(index),
      onDragStart: (index, mode, ms) => this.dragStart(index, mode, ms),
      onDragMove: (ms, modifiers) => this.dragMove(ms, modifiers),
      onDragEnd: (commit) => this.dragEnd(commit),
      onEdgeKey: (index, edge, delta) => this.applyPlan(nudge(this.textFormat, this.cues, index, edge, delta, this.retimeOptions()), 'nudge.cue'),
    });
    this.waveform.setCues(this.cues, this.editor.format);
    const on = (type: string, listener: () => void) => {
      media.addEventListener(type, listener);
      this.detachMedia.push(() => media.removeEventListener(type, listener));
    };
    on('play', () => {
      this.events.onPlaying(true);
      this.tick();
    });
    on('pause', () => {
      this.events.onPlaying(false);
      cancelAnimationFrame(this.frame);
      this.updatePlaying();
    });
    on('seeked', () => this.updatePlaying());
    on('timeupdate', () => {
      if (media.paused) this.updatePlaying();
    });
    on('ratechange', () => this.events.onPlaybackRate(media.playbackRate));
  }

  showPeaks(peaks: PeaksData): void {
    this.waveform?.show(peaks);
    this.waveform?.setSelected(this.editor.cursorCueIndex);
  }

  private tick = (): void => {
    this.updatePlaying();
    if (this.media && !this.media.paused) this.frame = requestAnimationFrame(this.tick);
  };

  private updatePlaying(): void {
    const media = this.media;
    if (!media) return;
    const ms = media.currentTime * 1000;
    const range = this.range;
    if (range && !media.paused && ms >= range.end) {
      if (range.loop) media.currentTime = range.start / 1000;
      else {
        this.range = null;
        media.pause();
      }
    }
    this.events.onTime(ms);
    const index = cueIndexAtTime(this.cues, ms);
    if (index !== this.playingIndex) {
      this.playingIndex = index;
      this.editor.setPlayingCue(index, this.followPlayback && !media.paused);
      this.waveform?.setPlaying(index);
      this.events.onPlayingCue(this.cues[index]?.text ?? null);
    }
  }

  /** Click or Enter on a cue box: seek to the cue, put the editor's cursor in its text. */
  activateCue(index: number): void {
    const cue = this.cues[index];
    if (!cue) return;
    this.seek(cue.start);
    this.editor.selectCue(index);
    this.waveform?.focusCue(index);
  }

  private seek(ms: number): void {
    if (!this.media) return;
    this.range = null;
    this.media.currentTime = Math.max(0, ms) / 1000;
    this.updatePlaying();
  }

  togglePlay(): void {
    const media = this.media;
    if (!media || !media.src) return;
    if (media.paused) {
      this.range = null;
      media.play().catch(() => undefined);
    } else media.pause();
  }

  /** Plays from `start` to `end` (ms), then stops — or starts over, when looping. */
  playRange(start: number, end: number, loop = false): void {
    const media = this.media;
    if (!media || !media.src || end <= start) return;
    media.currentTime = Math.max(0, start) / 1000;
    this.range = { start: Math.max(0, start), end, loop };
    media.play().catch(() => undefined);
  }

  get isLooping(): boolean {
    return this.range?.loop ?? false;
  }

  setPlaybackRate(rate: number): void {
    if (this.media) this.media.playbackRate = rate;
    this.events.onPlaybackRate(rate);
  }

  private stepRate(direction: 1 | -1): void {
    const current = this.media?.playbackRate ?? 1;
    const rates = PLAYBACK_RATES as readonly number[];
    const at = rates.findIndex((r) => r >= current - 1e-6);
    const next = rates[Math.max(0, Math.min(rates.length - 1, (at < 0 ? rates.length - 1 : at) + direction))]!;
    this.setPlaybackRate(next);
  }

  zoomIn(): void {
    this.waveform?.zoomIn();
  }

  zoomOut(): void {
    this.waveform?.zoomOut();
  }

  zoomToFit(): void {
    this.waveform?.zoomToFit();
  }

  get hasMedia(): boolean {
    return this.media !== null;
  }

  private get playheadMs(): number {
    return Math.round((this.media?.currentTime ?? 0) * 1000);
  }

  // ---------------------------------------------------------------------------------------
  // Editing: every action is one plan, applied as one undo step

  private get textFormat() {
    return this.editor.textFormat;
  }

  private retimeOptions() {
    return { minGap: this.profile.minGap };
  }

  private structureOptions() {
    return { minGap: this.profile.minGap, context: this.editor.context };
  }

  private applyPlan(plan: EditPlan | null, userEvent: string, failure?: string): boolean {
    if (!plan) {
      if (failure) this.events.onMessage(failure);
      return false;
    }
    this.editor.apply(plan, userEvent);
    return true;
  }

  /** The cue the keyboard acts on: the one holding the cursor. */
  private currentCue(): number {
    const index = this.editor.cursorCueIndex;
    if (index < 0 && this.cues.length > 0) return -1;
    return index;
  }

  private goToCue(index: number): void {
    const cue = this.cues[index];
    if (!cue) return;
    this.editor.selectCue(index);
    this.seek(cue.start);
  }

  /** Runs a workbench command by id; returns whether it applied. */
  runCommand(id: string): boolean {
    const i = this.currentCue();
    const cue = this.cues[i];
    const format = this.textFormat;
    const frame = Math.round(1000 / this.profile.frameRate);
    const nudges: Record<string, [edge: 'start' | 'end' | 'both', delta: number]> = {
      'start-earlier': ['start', -SMALL_NUDGE_MS],
      'start-later': ['start', SMALL_NUDGE_MS],
      'end-earlier': ['end', -SMALL_NUDGE_MS],
      'end-later': ['end', SMALL_NUDGE_MS],
      'cue-earlier': ['both', -SMALL_NUDGE_MS],
      'cue-later': ['both', SMALL_NUDGE_MS],
      'start-earlier-more': ['start', -LARGE_NUDGE_MS],
      'start-later-more': ['start', LARGE_NUDGE_MS],
      'end-earlier-more': ['end', -LARGE_NUDGE_MS],
      'end-later-more': ['end', LARGE_NUDGE_MS],
      'cue-earlier-more': ['both', -LARGE_NUDGE_MS],
      'cue-later-more': ['both', LARGE_NUDGE_MS],
      'start-earlier-frame': ['start', -frame],
      'start-later-frame': ['start', frame],
      'end-earlier-frame': ['end', -frame],
      'end-later-frame': ['end', frame],
    };
    const noCue = 'Put the cursor in a cue first.';
    if (nudges[id]) {
      if (!cue) return this.applyPlan(null, '', noCue);
      const [edge, delta] = nudges[id]!;
      return this.applyPlan(nudge(format, this.cues, i, edge, delta, this.retimeOptions()), 'nudge.cue', 'The cue cannot move further (a neighbour or zero is in the way).');
    }
    switch (id) {
      case 'play-pause':
        this.togglePlay();
        return true;
      case 'play-cue':
        if (cue) this.playRange(cue.start, cue.end);
        return !!cue;
      case 'loop-cue':
        if (this.isLooping) {
          this.range = null;
          this.media?.pause();
        } else if (cue) this.playRange(cue.start, cue.end, true);
        return true;
      case 'play-before-start':
        if (cue) this.playRange(cue.start - EDGE_PREVIEW_MS, cue.start);
        return !!cue;
      case 'play-after-end':
        if (cue) this.playRange(cue.end, cue.end + EDGE_PREVIEW_MS);
        return !!cue;
      case 'jump-back':
        this.seek(this.playheadMs - JUMP_BACK_MS);
        return true;
      case 'slower':
        this.stepRate(-1);
        return true;
      case 'faster':
        this.stepRate(1);
        return true;
      case 'set-start':
      case 'set-end':
        if (!cue) return this.applyPlan(null, '', noCue);
        return this.applyPlan(
          setEdgeAt(format, this.cues, i, id === 'set-start' ? 'start' : 'end', this.playheadMs, this.retimeOptions()),
          'retime.cue',
          'The playhead is not a valid time for this edge.',
        );
      case 'spot': {
        if (!cue) return this.applyPlan(null, '', noCue);
        const applied = this.applyPlan(spot(format, this.cues, i, this.playheadMs, this.retimeOptions()), 'retime.spot', 'The playhead is before this cue starts.');
        // Spotting moves on: the next cue is the one to end at the next keypress.
        if (applied && i + 1 < this.cues.length) this.editor.selectCue(i + 1);
        return applied;
      }
      case 'split-cue':
        if (!cue) return this.applyPlan(null, '', noCue);
        return this.applyPlan(
          splitCue(format, this.editor.source, this.cues, i, { at: 'text', offset: this.editor.cursor }, this.structureOptions()),
          'split.cue',
          'Put the cursor inside the cue text, between words, to split it there.',
        );
      case 'split-cue-at-playhead':
        if (!cue) return this.applyPlan(null, '', noCue);
        return this.applyPlan(
          splitCue(format, this.editor.source, this.cues, i, { at: 'time', time: this.playheadMs }, this.structureOptions()),
          'split.cue',
          'The playhead is not inside this cue.',
        );
      case 'merge-next':
        if (!cue) return this.applyPlan(null, '', noCue);
        return this.applyPlan(mergeWithNext(format, this.editor.source, this.cues, i), 'merge.cue', 'There is no next cue.');
      case 'insert-after': {
        const after = cue ?? this.cues[this.cues.length - 1];
        const start = (after?.end ?? this.playheadMs) + this.profile.minGap;
        const next = this.cues[i + 1];
        const end = Math.max(start + 1, next ? Math.min(start + NEW_CUE_MS, next.start - this.profile.minGap) : start + NEW_CUE_MS);
        const plan =
          i >= 0
            ? insertCueAfter(format, this.editor.source, this.cues, i, start, end, '', this.structureOptions())
            : insertCueAt(format, this.editor.source, this.cues, this.playheadMs, this.playheadMs + NEW_CUE_MS, '', this.structureOptions());
        const applied = this.applyPlan(plan, 'insert.cue', 'No room for a new cue here.');
        if (applied) this.editor.focus();
        return applied;
      }
      case 'delete-cue':
        if (!cue) return this.applyPlan(null, '', noCue);
        return this.applyPlan(deleteCue(format, this.editor.source, this.cues, i), 'delete.cue');
      case 'previous-cue':
        this.goToCue(Math.max(0, i - 1));
        return true;
      case 'next-cue':
        this.goToCue(Math.min(this.cues.length - 1, i + 1));
        return true;
      case 'toggle-follow':
        this.setFollowPlayback(!this.followPlayback);
        return true;
      case 'shortcuts':
        this.events.onShowShortcuts();
        return true;
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Keyboard

  /** Key name → command id, after the user's overrides. */
  setKeyOverrides(overrides: Readonly<Record<string, readonly string[]>>): void {
    this.keys = new Map();
    for (const definition of COMMANDS) {
      for (const key of overrides[definition.id] ?? definition.keys) this.keys.set(resolveKey(key), definition.id);
    }
  }

  /** The command a key event stands for; in text only keys that do not type (actsInText). */
  commandFor(event: KeyboardEvent, inText: boolean): CommandDefinition | null {
    const name = keyName(event);
    const id = name ? this.keys.get(name) : undefined;
    if (!id || (inText && !actsInText(name!))) return null;
    return COMMANDS.find((c) => c.id === id) ?? null;
  }

  /** Handles a key for the workbench: from the editor, or from anywhere else in the page. */
  handleKey(event: KeyboardEvent, inEditor = false): boolean {
    if (event.defaultPrevented || this.drag) return false;
    const definition = this.commandFor(event, inEditor || acceptsTyping(event.target));
    if (!definition) return false;
    event.preventDefault();
    this.runCommand(definition.id);
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // Dragging on the waveform: the timing text changes live, and the release is one undo step

  private dragStart(index: number, mode: DragMode, ms: number): void {
    const cue = this.cues[index];
    if (mode !== 'create' && !cue) return;
    this.drag = { mode, index, cues: this.cues, anchorMs: ms, start: cue?.start ?? ms, end: cue?.end ?? ms, next: null };
    if (cue) this.editor.selectCue(index);
  }

  private dragMove(ms: number, modifiers: DragModifiers): void {
    const drag = this.drag;
    if (!drag) return;
    const { cues, index, mode } = drag;
    const snapMs = SNAP_PX * (this.waveform?.msPerPixel() ?? 0);
    const targets = modifiers.snap ? snapTargets(cues, index, { playhead: this.playheadMs, minGap: this.profile.minGap }) : [];
    const snapped = (t: number) => (modifiers.snap ? snap(t, targets, snapMs) : t);
    let start = drag.start;
    let end = drag.end;
    if (mode === 'create') {
      const a = snapped(drag.anchorMs);
      const b = snapped(ms);
      [start, end] = a <= b ? [a, b] : [b, a];
      drag.next = { start: Math.round(start), end: Math.round(end) };
      this.waveform?.showGhost(drag.next);
      return;
    }
    if (mode === 'move') {
      const delta = ms - drag.anchorMs;
      const length = drag.end - drag.start;
      start = drag.start + delta;
      // Snap whichever edge lands nearer a target, keeping the length.
      const snappedStart = snapped(start);
      const snappedEnd = snapped(start + length);
      if (snappedStart !== start && Math.abs(snappedStart - start) <= Math.abs(snappedEnd - (start + length))) start = snappedStart;
      else if (snappedEnd !== start + length) start = snappedEnd - length;
      start = Math.max(0, start);
      end = start + length;
    } else if (mode === 'start') start = Math.min(snapped(ms), drag.end);
    else end = Math.max(snapped(ms), drag.start);
    let clamped: { start: number; end: number } | null = { start, end };
    if (!modifiers.allowOverlap && mode === 'move') {
      // A moved cue keeps its length: it slides up to a neighbour, it does not shrink.
      const { min, max } = neighbourBounds(cues, index, { minGap: this.profile.minGap });
      const length = end - start;
      clamped = length <= max - min ? { start: Math.min(Math.max(start, min), max - length), end: 0 } : null;
      if (clamped) clamped.end = clamped.start + length;
    } else if (!modifiers.allowOverlap) {
      clamped = clampToNeighbours(cues, index, Math.round(start), Math.round(end), { minGap: this.profile.minGap });
    }
    if (!clamped) return; // no room between the neighbours: keep the last position
    drag.next = { start: Math.round(clamped.start), end: Math.round(clamped.end) };
    // The preview is made against the text as it was when the drag began.
    this.editor.showPreview(retime(this.textFormat, cues[index]!, drag.next.start, drag.next.end));
  }

  private dragEnd(commit: boolean): void {
    const drag = this.drag;
    this.drag = null;
    this.waveform?.showGhost(null);
    if (!drag) return;
    this.editor.cancelPreview();
    if (!commit || !drag.next) return;
    if (drag.mode === 'create') {
      const { start, end } = drag.next;
      if (end - start < 50) return; // a slip of the hand, not a cue
      const clampedEnd = Math.max(start + 1, end);
      const plan = insertCueAt(this.textFormat, this.editor.source, this.cues, start, clampedEnd, '', this.structureOptions());
      if (this.applyPlan(plan, 'insert.cue', 'No room for a new cue there.')) {
        this.editor.focus();
      }
      return;
    }
    const cue = this.cues[drag.index];
    if (cue) this.applyPlan(retime(this.textFormat, cue, drag.next.start, drag.next.end), 'drag.cue');
  }

  private detach(): void {
    cancelAnimationFrame(this.frame);
    for (const undo of this.detachMedia.splice(0)) undo();
    this.waveform?.destroy();
    this.waveform = null;
    this.media = null;
    this.playingIndex = -1;
    this.range = null;
  }

  destroy(): void {
    this.detach();
    this.editor.destroy();
  }
}
