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

export type DragMode = 'move' | 'start' | 'end' | 'create';

export interface DragModifiers {
  /** Snap to the playhead and neighbouring edges (Shift turns it off). */
  snap: boolean;
  /** Let the cue overlap its neighbours (Alt). */
  allowOverlap: boolean;
}

export interface CueLayerCallbacks {
  /** A box was clicked or activated with Enter. */
  onActivate(index: number): void;
  /** A drag began: a box moved, an edge pulled, or (index -1) a new cue drawn on empty waveform. */
  onDragStart(index: number, mode: DragMode, timeMs: number): void;
  onDragMove(timeMs: number, modifiers: DragModifiers): void;
  /** The drag ended; `commit` is false when Escape canceled it. */
  onDragEnd(commit: boolean): void;
  /** An edge slider was moved with the keyboard. */
  onEdgeKey(index: number, edge: 'start' | 'end', deltaMs: number): void;
}

/** Pixels the pointer must travel before a press becomes a drag (below it, a click). */
const DRAG_THRESHOLD_PX = 3;

const STYLE = `
.cue-layer { position: absolute; inset: 0; z-index: 3; cursor: crosshair; }
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
.cue-edge:hover, .cue-edge:focus-visible { background: var(--cue-border-selected, #facc15); outline: none; }
.cue-layer.dragging, .cue-layer.dragging * { cursor: grabbing !important; }
.cue-box.ghost { background: rgba(52, 211, 153, 0.22); border-style: dashed; border-color: #34d399; pointer-events: none; }
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
    this.wrapper = wrapper;
    // Clicks on boxes must not reach wavesurfer, which would seek to the click's x; nor may
    // the click that ends a drag.
    this.element.addEventListener('click', (event) => {
      const box = (event.target as HTMLElement).closest<HTMLElement>('.cue-box');
      if (this.suppressClick) {
        this.suppressClick = false;
        event.stopPropagation();
        return;
      }
      if (!box) return;
      event.stopPropagation();
      this.callbacks.onActivate(Number(box.dataset.index));
    });
    this.element.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.element.addEventListener('pointerdown', (event) => this.onPointerDown(event));
  }

  private readonly wrapper: HTMLElement;
  private suppressClick = false;
  private drag: { pointerId: number; x: number; started: boolean; index: number; mode: DragMode } | null = null;
  private ghost: HTMLDivElement | null = null;

  /** Milliseconds at a client x coordinate (the wrapper spans the whole recording). */
  timeAt(clientX: number): number {
    const rect = this.wrapper.getBoundingClientRect();
    const ratio = rect.width > 0 ? (clientX - rect.left) / rect.width : 0;
    return Math.max(0, Math.min(this.duration * 1000, ratio * this.duration * 1000));
  }

  /** Milliseconds one pixel stands for at the current zoom. */
  msPerPixel(): number {
    const width = this.wrapper.getBoundingClientRect().width;
    return width > 0 ? (this.duration * 1000) / width : 0;
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || this.duration <= 0) return;
    const target = event.target as HTMLElement;
    const box = target.closest<HTMLElement>('.cue-box');
    const edge = target.closest<HTMLElement>('.cue-edge');
    const index = box ? Number(box.dataset.index) : -1;
    const mode: DragMode = edge ? (edge.classList.contains('start') ? 'start' : 'end') : box ? 'move' : 'create';
    // Pointer capture waits for the drag to start, so that a plain click still lands on its box.
    this.drag = { pointerId: event.pointerId, x: event.clientX, started: false, index, mode };
    const move = (e: PointerEvent) => this.onPointerMove(e);
    const up = (e: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      window.removeEventListener('keydown', escape, true);
      this.finishDrag(e.type === 'pointerup');
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !this.drag) return;
      e.preventDefault();
      e.stopPropagation();
      if (this.element.hasPointerCapture(this.drag.pointerId)) this.element.releasePointerCapture(this.drag.pointerId);
      up(new PointerEvent('pointercancel'));
    };
    // On the window: the pointer may leave the waveform before the drag starts.
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
    window.addEventListener('keydown', escape, true);
    // A press on a box or edge must not start wavesurfer's own drag-to-seek.
    if (box) event.stopPropagation();
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag) return;
    if (!drag.started) {
      if (Math.abs(event.clientX - drag.x) < DRAG_THRESHOLD_PX) return;
      drag.started = true;
      this.element.setPointerCapture(drag.pointerId);
      this.element.classList.add('dragging');
      this.callbacks.onDragStart(drag.index, drag.mode, this.timeAt(drag.x));
    }
    this.callbacks.onDragMove(this.timeAt(event.clientX), { snap: !event.shiftKey, allowOverlap: event.altKey });
  }

  private finishDrag(commit: boolean): void {
    const drag = this.drag;
    this.drag = null;
    this.element.classList.remove('dragging');
    if (!drag?.started) return;
    this.suppressClick = true;
    // The click (if any) comes right after pointerup; forget the flag if none does.
    setTimeout(() => (this.suppressClick = false), 0);
    this.callbacks.onDragEnd(commit);
  }

  /** The outline of a cue being drawn, or null to remove it. */
  showGhost(range: { start: number; end: number } | null): void {
    if (!range || this.duration <= 0) {
      this.ghost?.remove();
      this.ghost = null;
      return;
    }
    if (!this.ghost) {
      this.ghost = document.createElement('div');
      this.ghost.className = 'cue-box ghost';
      this.ghost.setAttribute('aria-hidden', 'true');
      this.element.appendChild(this.ghost);
    }
    const total = this.duration * 1000;
    this.ghost.style.left = `${(range.start / total) * 100}%`;
    this.ghost.style.width = `${(Math.max(0, range.end - range.start) / total) * 100}%`;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const box = target.closest<HTMLElement>('.cue-box');
    if (!box) return;
    const index = Number(box.dataset.index);
    const edge = target.closest<HTMLElement>('.cue-edge');
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    if (!edge && event.key === 'Enter' && plain) {
      event.preventDefault();
      this.callbacks.onActivate(index);
      return;
    }
    if (edge && (event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      event.stopPropagation();
      const step = event.shiftKey ? 100 : 10;
      this.callbacks.onEdgeKey(index, edge.classList.contains('start') ? 'start' : 'end', event.key === 'ArrowLeft' ? -step : step);
    }
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
    const previous = this.boxes.get(this.selected);
    if (previous) this.markSelected(previous, false);
    this.selected = index;
    const box = this.boxes.get(index);
    if (box) this.markSelected(box, true);
  }

  /** The selected box is marked, and its edges join the tab order (sliders: arrows move them). */
  private markSelected(box: HTMLElement, selected: boolean): void {
    box.classList.toggle('selected', selected);
    if (selected) box.setAttribute('aria-current', 'true');
    else box.removeAttribute('aria-current');
    for (const edge of box.querySelectorAll<HTMLElement>('.cue-edge')) edge.tabIndex = selected ? 0 : -1;
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
    this.markSelected(box, index === this.selected);
    box.classList.toggle('playing', index === this.playing);
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
    this.drag = null;
  }
}
