/**
 * The waveform: wavesurfer drawing precomputed peaks for a media element we own, a time
 * ruler, and the cue layer. wavesurfer never fetches or decodes the file itself — it gets
 * `peaks` + `duration` (PLATFORM.md: decoding long media in the renderer crashes it).
 */
import WaveSurfer from 'wavesurfer.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import type { PeaksData } from '../../../shared/api';
import type { Cue } from '../../../shared/cue';
import type { FormatId } from '../../../shared/formats';
import { plainTextOf } from '../../../shared/formats/convert';
import { CueLayer } from './cueLayer';

export interface WaveformCallbacks {
  onCueActivate(index: number): void;
}

/** Int8 min/max pairs → floats in −1..1, the form wavesurfer draws. */
export function peaksToFloats(peaks: Int8Array): Float32Array {
  const out = new Float32Array(peaks.length);
  for (let i = 0; i < peaks.length; i++) out[i] = peaks[i]! / 127;
  return out;
}

export class WaveformController {
  private wavesurfer: WaveSurfer | null = null;
  private layer: CueLayer | null = null;
  private cues: readonly Cue[] = [];
  private displayText = (text: string): string => text;
  private selected = -1;

  constructor(
    private readonly container: HTMLElement,
    private readonly media: HTMLMediaElement,
    private readonly callbacks: WaveformCallbacks,
  ) {}

  /** Draws the waveform for the media element's current source. */
  show(peaks: PeaksData): void {
    this.destroyWavesurfer();
    const styles = getComputedStyle(this.container);
    const color = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
    const wavesurfer = WaveSurfer.create({
      container: this.container,
      media: this.media,
      peaks: [peaksToFloats(peaks.peaks)],
      duration: peaks.duration,
      height: 150,
      waveColor: color('--wave', '#64748b'),
      progressColor: color('--wave-progress', '#94a3b8'),
      cursorColor: color('--playhead', '#f472b6'),
      cursorWidth: 2,
      normalize: true,
      autoScroll: true,
      dragToSeek: true,
      plugins: [TimelinePlugin.create({ height: 18, insertPosition: 'beforebegin', style: { color: color('--muted', '#94a3b8'), fontSize: '10px' } })],
    });
    this.wavesurfer = wavesurfer;
    this.layer = new CueLayer(wavesurfer.getWrapper(), { onActivate: (i) => this.callbacks.onCueActivate(i) });
    this.layer.setCues(this.cues, this.displayText);
    this.layer.setSelected(this.selected);
    const updateWindow = () => {
      const width = wavesurfer.getWrapper().clientWidth || 1;
      const duration = wavesurfer.getDuration() || peaks.duration;
      const start = (wavesurfer.getScroll() / width) * duration;
      const end = ((wavesurfer.getScroll() + wavesurfer.getWidth()) / width) * duration;
      this.layer?.setWindow(start, end);
    };
    this.layer.setDuration(peaks.duration);
    wavesurfer.on('scroll', updateWindow);
    wavesurfer.on('zoom', updateWindow);
    wavesurfer.on('redraw', updateWindow);
    wavesurfer.on('ready', updateWindow);
    updateWindow();
  }

  setCues(cues: readonly Cue[], format: FormatId): void {
    this.cues = cues;
    this.displayText = (text) => plainTextOf(text, format);
    this.layer?.setCues(cues, this.displayText);
  }

  /** Marks the cursor's cue and scrolls the waveform to it when it is out of view. */
  setSelected(index: number): void {
    this.selected = index;
    this.layer?.setSelected(index);
    const cue = this.cues[index];
    const wavesurfer = this.wavesurfer;
    if (!cue || !wavesurfer) return;
    const width = wavesurfer.getWrapper().clientWidth || 1;
    const duration = wavesurfer.getDuration();
    if (!duration) return;
    const viewStart = (wavesurfer.getScroll() / width) * duration;
    const viewEnd = ((wavesurfer.getScroll() + wavesurfer.getWidth()) / width) * duration;
    if (cue.start / 1000 < viewStart || cue.start / 1000 > viewEnd) {
      wavesurfer.setScrollTime(Math.max(0, cue.start / 1000 - (viewEnd - viewStart) * 0.1));
    }
  }

  setPlaying(index: number): void {
    this.layer?.setPlaying(index);
  }

  /** Focuses the box of a cue (after a click, so Space then plays). */
  focusCue(index: number): void {
    this.layer?.box(index)?.focus({ preventScroll: true });
  }

  zoom(pxPerSecond: number): void {
    this.wavesurfer?.zoom(pxPerSecond);
  }

  private destroyWavesurfer(): void {
    this.layer?.destroy();
    this.layer = null;
    this.wavesurfer?.destroy();
    this.wavesurfer = null;
  }

  destroy(): void {
    this.destroyWavesurfer();
  }
}
