/**
 * Each cue's duration and reading speed shown in place, at the end of its timing line,
 * coloured by the active caption profile: fine, worth a look (above the optimal speed), or
 * too fast / too short / too long. Built for the visible cues only.
 */
import { Facet, RangeSetBuilder } from '@codemirror/state';
import { Decoration, ViewPlugin, WidgetType, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';
import { plainTextOf } from '../../../shared/formats/convert';
import { lastCueStartingBefore } from '../../../shared/cue-model';
import { charactersPerSecond, DEFAULT_PROFILE, type CaptionProfile } from '../../../shared/profiles';
import { cueField } from './cueField';

export const activeProfile = Facet.define<CaptionProfile, CaptionProfile>({
  combine: (values) => values[0] ?? DEFAULT_PROFILE,
});

export type Verdict = 'ok' | 'warn' | 'bad';

export function judgeCue(durationMs: number, cps: number, profile: CaptionProfile): { duration: Verdict; cps: Verdict } {
  const duration: Verdict = durationMs < profile.minDuration || durationMs > profile.maxDuration ? 'bad' : 'ok';
  const speed: Verdict = cps > profile.maxCps ? 'bad' : cps > profile.optimalCps ? 'warn' : 'ok';
  return { duration, cps: speed };
}

class CueInfoWidget extends WidgetType {
  constructor(
    readonly durationMs: number,
    readonly cps: number,
    readonly verdict: { duration: Verdict; cps: Verdict },
  ) {
    super();
  }

  override eq(other: CueInfoWidget): boolean {
    return other.durationMs === this.durationMs && other.cps === this.cps && other.verdict.cps === this.verdict.cps && other.verdict.duration === this.verdict.duration;
  }

  toDOM(): HTMLElement {
    const box = document.createElement('span');
    box.className = 'cm-cue-info';
    box.setAttribute('aria-hidden', 'true');
    const duration = document.createElement('span');
    duration.className = `cm-cue-duration ${this.verdict.duration}`;
    duration.textContent = `${(this.durationMs / 1000).toFixed(2)} s`;
    const cps = document.createElement('span');
    cps.className = `cm-cue-cps ${this.verdict.cps}`;
    cps.textContent = Number.isFinite(this.cps) ? `${Math.round(this.cps)} cps` : '∞ cps';
    box.append(duration, cps);
    return box;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

function build(view: EditorView): DecorationSet {
  const { cues, format } = view.state.field(cueField);
  const profile = view.state.facet(activeProfile);
  const builder = new RangeSetBuilder<Decoration>();
  let lastPlaced = -1;
  for (const { from, to } of view.visibleRanges) {
    for (let i = Math.max(0, lastCueStartingBefore(cues, from)); i < cues.length && cues[i]!.from <= to; i++) {
      const cue = cues[i]!;
      const at = view.state.doc.lineAt(cue.timingTo).to;
      if (at <= lastPlaced) continue;
      lastPlaced = at;
      const durationMs = cue.end - cue.start;
      const cps = charactersPerSecond(plainTextOf(cue.text, format.id), durationMs);
      builder.add(at, at, Decoration.widget({ widget: new CueInfoWidget(durationMs, cps, judgeCue(durationMs, cps, profile)), side: 1 }));
    }
  }
  return builder.finish();
}

export const cueInfo = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(update: ViewUpdate) {
      const profileChanged = update.startState.facet(activeProfile) !== update.state.facet(activeProfile);
      if (update.docChanged || update.viewportChanged || profileChanged) this.decorations = build(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
