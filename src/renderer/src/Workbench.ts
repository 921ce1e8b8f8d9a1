/**
 * The editor, the waveform and the media element as one instrument: whatever happens in
 * one shows in the others. Plain TypeScript driven imperatively from React refs, so
 * playback and typing never re-render the React tree.
 */
import type { PeaksData } from '../../shared/api';
import type { Cue } from '../../shared/cue';
import type { FormatId } from '../../shared/formats';
import type { Text } from '@codemirror/state';
import { EditorController } from './editor/EditorController';
import { cueIndexAtTime } from './editor/cueField';
import { WaveformController } from './waveform/WaveformController';

export interface WorkbenchEvents {
  onCueCount(count: number): void;
  onCursorCue(index: number): void;
  onDirty(dirty: boolean): void;
  onPlaying(playing: boolean): void;
  /** Called every animation frame while playing, and after seeks: keep it cheap. */
  onTime(ms: number): void;
}

export class Workbench {
  readonly editor: EditorController;
  private waveform: WaveformController | null = null;
  private media: HTMLMediaElement | null = null;
  private cues: readonly Cue[] = [];
  private playingIndex = -1;
  private savedDoc: Text;
  private dirty = false;
  private frame = 0;
  /** Whether the editor scrolls to the cue being played. */
  followPlayback = true;
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
        this.updatePlaying();
      },
      onCursorCue: (index) => {
        this.waveform?.setSelected(index);
        this.events.onCursorCue(index);
      },
      onChange: () => this.updateDirty(),
    });
    this.savedDoc = this.editor.view.state.doc;
  }

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

  /** Connects a media element (audio or video) and the container its waveform goes in. */
  attachMedia(media: HTMLMediaElement, waveformContainer: HTMLElement): void {
    this.detach();
    this.media = media;
    this.waveform = new WaveformController(waveformContainer, media, {
      onCueActivate: (index) => this.activateCue(index),
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
  }

  showPeaks(peaks: PeaksData): void {
    this.waveform?.show(peaks);
    this.waveform?.setSelected(-1);
  }

  private tick = (): void => {
    this.updatePlaying();
    if (this.media && !this.media.paused) this.frame = requestAnimationFrame(this.tick);
  };

  private updatePlaying(): void {
    if (!this.media) return;
    const ms = this.media.currentTime * 1000;
    this.events.onTime(ms);
    const index = cueIndexAtTime(this.cues, ms);
    if (index !== this.playingIndex) {
      this.playingIndex = index;
      this.editor.setPlayingCue(index, this.followPlayback && !this.media.paused);
      this.waveform?.setPlaying(index);
    }
  }

  /** Click or Enter on a cue box: seek to the cue, put the editor's cursor in its text. */
  activateCue(index: number): void {
    const cue = this.cues[index];
    if (!cue) return;
    if (this.media) this.media.currentTime = cue.start / 1000;
    this.editor.selectCue(index);
    this.waveform?.focusCue(index);
    this.updatePlaying();
  }

  togglePlay(): void {
    const media = this.media;
    if (!media || !media.src) return;
    if (media.paused) {
      media.play().catch(() => undefined);
    } else media.pause();
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

  private detach(): void {
    cancelAnimationFrame(this.frame);
    for (const undo of this.detachMedia.splice(0)) undo();
    this.waveform?.destroy();
    this.waveform = null;
    this.media = null;
    this.playingIndex = -1;
  }

  destroy(): void {
    this.detach();
    this.editor.destroy();
  }
}
