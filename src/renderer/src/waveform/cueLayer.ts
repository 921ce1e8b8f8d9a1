/**
 * Cue boxes drawn over the waveform, one element per cue near the viewport only — a
 * 20,000-cue file never has 20,000 elements. The layer lives inside wavesurfer's
 * scrolling wrapper and places boxes in percent of its width, so zooming and scrolling
 * move them without any work from us; only the set of boxes changes on scroll.
 *
 * Accessibility: each box is a focusable group named "Cue N, start–end"; its edges are
 * sliders named "Start of cue N" / "End of cue N". Cue text is set as textContent only.
 */
import type { Cue } from '../../../shared/cue';
import { formatClock } from '../../../shared/time';

export interface CueLayerCallbacks {
  /** A box was clicked or activated with Enter. */
  onActivate(index: number): void;
}

const STYLE = `
.cue-layer { position: absolute; inset: 0; pointer-events: none; z-index: 3; }
.cue-box {
  position: absolute; top: 20px; bottom: 4px; min-width: 3px; box-sizing: border-box;
  pointer-events: auto; cursor: pointer; overflow: hidden;
  background: var(--cue-fill, rgba(96, 165, 250, 0.18));
  border: 1px solid var(--cue-border, rgba(96, 165, 250, 0.55)); border-radius: 3px;
  color: var(--cue-text, #dbeafe); font: 11px/1.3 system-ui, sans-serif; outline: none;
}
.cue-box:hover { background: var(--cue-fill-hover, rgba(96, 165, 250, 0.28)); }
.cue-box.selected {
  background: var(--cue-fill-selected, rgba(250, 204, 21, 0.22));
  border-color: var(--cue-border-selected, #facc15);
}
.cue-box.playing { box-shadow: inset 0 -3px 0 var(--cue-playing, #34d399); }
.cue-box:focus-visible { outline: 2px solid var(--focus, #f472b6); outline-offset: 1px; }
.cue-text {
  position: absolute; left: 6px; right: 6px; top: 3px; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; pointer-events: none;
}
.cue-edge { position: absolute; top: 0; bottom: 0; width: 6px; cursor: ew-resize; }
.cue-edge.start { left: -1px; }
.cue-edge.end { right: -1px; }
.cue-edge:hover { background: var(--cue-border-selected, #facc15); }
`;

export function cueLabel(cue: Cue, number: number): string {
  return `Cue ${number}, ${formatClock(cue.start)}–${formatClock(cue.end)}`;
}

export class CueLayer {
  readonly element: HTMLDivElement;
  private cues: readonly Cue[] = [];
  /** How a cue's text shows on its box: without the format's markup. */
  private displayText: (text: string) => string = (text) => text;
  private readonly boxes = new Map<number, HTMLDivElement>();
  private selected = -1;
  private playing = -1;
  private duration = 0;
  private window: [number, number] = [0, 0];

  constructor(
    wrapper: HTMLElement,
    private readonly callbacks: CueLayerCallbacks,
  ) {
    const root = wrapper.getRootNode();
    if (root instanceof ShadowRoot && !root.querySelector('style[data-cue-layer]')) {
      const style = document.createElement('style');
      style.dataset.cueLayer = '';
      style.textContent = STYLE;
      root.appendChild(style);
    }
    this.element = document.createElement('div');
    this.element.className = 'cue-layer';
    wrapper.appendChild(this.element);
    // Clicks on boxes must not reach wavesurfer, which would seek to the click's x.
    this.element.addEventListener('click', (event) => {
      const box = (event.target as HTMLElement).closest<HTMLElement>('.cue-box');
      if (!box) return;
      event.stopPropagation();
      this.callbacks.onActivate(Number(box.dataset.index));
    });
    this.element.addEventListener('keydown', (event) => {
      const box = (event.target as HTMLElement).closest<HTMLElement>('.cue-box');
      if (box && event.key === 'Enter') {
        event.preventDefault();
        this.callbacks.onActivate(Number(box.dataset.index));
      }
    });
  }

  setDuration(seconds: number): void {
    this.duration = seconds;
    this.render();
  }

  setCues(cues: readonly Cue[], displayText: (text: string) => string): void {
    this.cues = cues;
    this.displayText = displayText;
    this.render(true);
  }

  /** The visible time range in seconds; boxes are kept for a margin around it. */
  setWindow(start: number, end: number): void {
    const span = Math.max(end - start, 1);
    const next: [number, number] = [start - span, end + span];
    if (next[0] === this.window[0] && next[1] === this.window[1]) return;
    this.window = next;
    this.render();
  }

  setSelected(index: number): void {
    this.boxes.get(this.selected)?.classList.remove('selected');
    this.boxes.get(this.selected)?.removeAttribute('aria-current');
    this.selected = index;
    const box = this.boxes.get(index);
    box?.classList.add('selected');
    box?.setAttribute('aria-current', 'true');
  }

  setPlaying(index: number): void {
    this.boxes.get(this.playing)?.classList.remove('playing');
    this.playing = index;
    this.boxes.get(index)?.classList.add('playing');
  }

  /** The box element of a cue, when it is rendered. */
  box(index: number): HTMLElement | undefined {
    return this.boxes.get(index);
  }

  private render(contentChanged = false): void {
    if (this.duration <= 0) return;
    const [from, to] = this.window;
    const wanted = new Set<number>();
    this.cues.forEach((cue, index) => {
      if (cue.end / 1000 >= from && cue.start / 1000 <= to) wanted.add(index);
    });
    const root = this.element.getRootNode() as Document | ShadowRoot;
    const focused = root.activeElement;
    for (const [index, box] of this.boxes) {
      if (!wanted.has(index) && !(focused && box.contains(focused))) {
        box.remove();
        this.boxes.delete(index);
      }
    }
    for (const index of wanted) {
      let box = this.boxes.get(index);
      if (!box) {
        box = this.createBox();
        this.boxes.set(index, box);
        this.element.appendChild(box);
        this.fill(box, index);
      } else if (contentChanged) {
        this.fill(box, index);
      }
    }
    // Boxes kept for focus whose cue is gone are removed now.
    for (const [index, box] of this.boxes) {
      if (index >= this.cues.length) {
        box.remove();
        this.boxes.delete(index);
      }
    }
  }

  private createBox(): HTMLDivElement {
    const box = document.createElement('div');
    box.className = 'cue-box';
    box.setAttribute('role', 'group');
    box.tabIndex = 0;
    const start = document.createElement('div');
    start.className = 'cue-edge start';
    const text = document.createElement('span');
    text.className = 'cue-text';
    text.setAttribute('aria-hidden', 'true');
    const end = document.createElement('div');
    end.className = 'cue-edge end';
    for (const edge of [start, end]) {
      edge.setAttribute('role', 'slider');
      edge.tabIndex = -1;
      edge.setAttribute('aria-valuemin', '0');
      edge.setAttribute('aria-orientation', 'horizontal');
    }
    box.append(start, text, end);
    return box;
  }

  private fill(box: HTMLDivElement, index: number): void {
    const cue = this.cues[index]!;
    const number = index + 1;
    const total = this.duration * 1000;
    const left = Math.max(0, Math.min(cue.start, cue.end)) / total;
    const width = Math.abs(cue.end - cue.start) / total;
    box.dataset.index = String(index);
    box.style.left = `${left * 100}%`;
    box.style.width = `${width * 100}%`;
    box.setAttribute('aria-label', cueLabel(cue, number));
    box.classList.toggle('selected', index === this.selected);
    box.classList.toggle('playing', index === this.playing);
    if (index === this.selected) box.setAttribute('aria-current', 'true');
    else box.removeAttribute('aria-current');
    const [start, text, end] = box.children as unknown as [HTMLElement, HTMLElement, HTMLElement];
    text.textContent = this.displayText(cue.text).replace(/\s*\n\s*/g, ' / ');
    const max = String(this.duration);
    for (const [edge, ms, name] of [
      [start, cue.start, 'Start'],
      [end, cue.end, 'End'],
    ] as const) {
      edge.setAttribute('aria-label', `${name} of cue ${number}`);
      edge.setAttribute('aria-valuemax', max);
      edge.setAttribute('aria-valuenow', String(ms / 1000));
      edge.setAttribute('aria-valuetext', formatClock(ms));
    }
  }

  destroy(): void {
    this.element.remove();
    this.boxes.clear();
  }
}
