/**
 * The waveform: wavesurfer drawing precomputed peaks for a media element we own, a time
 * ruler, and the cue layer. wavesurfer never fetches or decodes the file itself — it gets
 * `peaks` + `duration` (PLATFORM.md: decoding long media in the renderer crashes it).
 */
import WaveSurfer from 'wavesurfer.js';
import MinimapPlugin from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import type { PeaksData } from '../../../shared/api';
import type { Cue } from '../../../shared/cue';
import type { FormatId } from '../../../shared/formats';
import { plainTextOf } from '../../../shared/formats/convert';
import { CueLayer, type CueLayerCallbacks } from './cueLayer';

export type WaveformCallbacks = Omit<CueLayerCallbacks, 'onActivate'> & {
  onCueActivate(index: number): void;
};

/** Ruler labels: m:ss, or h:mm:ss past the first hour. */
function rulerLabel(seconds: number): string {
  const s = Math.round(seconds);
  const mmss = `${Math.floor(s / 60) % 60}:${String(s % 60).padStart(2, '0')}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss;
}

/** Int8 min/max pairs → floats in −1..1, the form wavesurfer draws. */
export function peaksToFloats(peaks: Int8Array): Float32Array {
  const out = new Float32Array(peaks.length);
  for (let i = 0; i < peaks.length; i++) out[i] = peaks[i]! / 127;
  return out;
}

/** Most pixels per second we zoom to: finer shows nothing new at 100 peaks a second. */
export const MAX_PX_PER_SECOND = 1000;
/** Browsers cap an element's width at about 33.5 million pixels. */
const MAX_ELEMENT_WIDTH = 33_000_000;
/** Recordings longer than this get an overview strip showing the visible window. */
const OVERVIEW_FROM_SECONDS = 120;
const ZOOM_STEP = 1.5;

export class WaveformController {
  private wavesurfer: WaveSurfer | null = null;
  /** Current zoom; 0 means the whole file fits the width. */
  private pxPerSecond = 0;
  private duration = 0;
  private layer: CueLayer | null = null;
  private cues: readonly Cue[] = [];
  private displayText = (text: string): string => text;
  private selected = -1;

  private readonly onWheel = (event: WheelEvent): void => {
    // Ctrl/Cmd + wheel zooms (a pinch on a touchpad arrives the same way).
    if (!(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    this.zoomBy(event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP);
  };

  constructor(
    private readonly container: HTMLElement,
    private readonly media: HTMLMediaElement,
    private readonly callbacks: WaveformCallbacks,
  ) {
    container.addEventListener('wheel', this.onWheel, { passive: false });
  }

  /** Draws the waveform for the media element's current source. */
  show(peaks: PeaksData): void {
    this.destroyWavesurfer();
    this.duration = peaks.duration;
    this.pxPerSecond = 0;
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
      // Dragging on the waveform draws a new cue (the cue layer handles it); a click seeks.
      dragToSeek: false,
      plugins: [
        TimelinePlugin.create({
          height: 18,
          insertPosition: 'beforebegin',
          style: { color: color('--muted', '#94a3b8'), fontSize: '10px' },
          formatTimeCallback: rulerLabel,
        }),
        ...(peaks.duration > OVERVIEW_FROM_SECONDS
          ? [
              MinimapPlugin.create({
                height: 28,
                waveColor: color('--overview-wave', '#3b4a5e'),
                progressColor: color('--overview-progress', '#52637a'),
                cursorColor: color('--playhead', '#f472b6'),
                overlayColor: 'rgba(250, 204, 21, 0.3)',
                normalize: true,
                insertPosition: 'afterend',
              }),
            ]
          : []),
      ],
    });
    this.wavesurfer = wavesurfer;
    const { onCueActivate, ...dragCallbacks } = this.callbacks;
    this.layer = new CueLayer(wavesurfer.getWrapper(), { onActivate: onCueActivate, ...dragCallbacks });
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

  /** The outline of a cue being drawn on the waveform. */
  showGhost(range: { start: number; end: number } | null): void {
    this.layer?.showGhost(range);
  }

  /** Milliseconds one screen pixel stands for now (for snapping distances). */
  msPerPixel(): number {
    return this.layer?.msPerPixel() ?? 0;
  }

  /** Focuses the box of a cue (after a click, so Space then plays). */
  focusCue(index: number): void {
    this.layer?.box(index)?.focus({ preventScroll: true });
  }

  /** The zoom range for this recording: whole file … MAX_PX_PER_SECOND (or the width cap). */
  private zoomLimits(): { fit: number; max: number } {
    const width = this.wavesurfer?.getWidth() ?? this.container.clientWidth;
    const fit = this.duration > 0 ? width / this.duration : 0;
    const max = Math.max(fit, Math.min(MAX_PX_PER_SECOND, MAX_ELEMENT_WIDTH / Math.max(this.duration, 1)));
    return { fit, max };
  }

  /** Multiplies the zoom by `factor`, keeping the playhead's place in view. */
  zoomBy(factor: number): void {
    const wavesurfer = this.wavesurfer;
    if (!wavesurfer) return;
    const { fit, max } = this.zoomLimits();
    const current = this.pxPerSecond || fit;
    const next = Math.min(max, Math.max(fit, current * factor));
    this.pxPerSecond = next <= fit * 1.001 ? 0 : next;
    wavesurfer.zoom(this.pxPerSecond);
    if (this.pxPerSecond > 0) {
      const visible = wavesurfer.getWidth() / this.pxPerSecond;
      wavesurfer.setScrollTime(Math.max(0, wavesurfer.getCurrentTime() - visible / 2));
    }
  }

  zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }

  /** The whole recording in view. */
  zoomToFit(): void {
    this.pxPerSecond = 0;
    this.wavesurfer?.zoom(0);
  }

  /** Pixels per second shown now (the fitted value when fitted). */
  get zoom(): number {
    return this.pxPerSecond || this.zoomLimits().fit;
  }

  private destroyWavesurfer(): void {
    this.layer?.destroy();
    this.layer = null;
    this.wavesurfer?.destroy();
    this.wavesurfer = null;
  }

  destroy(): void {
    this.container.removeEventListener('wheel', this.onWheel);
    this.destroyWavesurfer();
  }
}
