/**
 * The cue model of an editable document, kept up to date incrementally: after an edit only
 * a window of text around the change — from the cue before it to the cue after it — is read
 * again (TextFormat.parseFragment), and the cues and diagnostics after the window are only
 * shifted. A 20,000-cue file is never re-read per keystroke. Edits in the document's head
 * (WebVTT header, ASS script info) are rare and read the whole document again.
 *
 * Every cue carries a stable id that survives edits elsewhere, so views (the selected box,
 * the playing cue) can follow a cue through changes.
 */
import type { Cue, Diagnostic } from './cue';
import type { FormatContext, TextFormat } from './formats/types';

export interface ModelCue extends Cue {
  /** Stable for the life of the cue in this document. */
  id: number;
}

export interface CueModel {
  format: TextFormat;
  /** Offset of the first cue (the end of the head), or the document length when there are none. */
  head: number;
  context: FormatContext;
  cues: readonly ModelCue[];
  diagnostics: readonly Diagnostic[];
  /** Next id to hand out. */
  nextId: number;
}

/** A changed range: [fromA, toA) in the old document became [fromB, toB) in the new one. */
export interface ChangedRange {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

/** What the updater needs from the new document, without its full text. */
export interface DocumentAccess {
  length: number;
  slice(from: number, to: number): string;
  /** 1-based line number of an offset. */
  lineOf(offset: number): number;
  /** The whole text: only for the rare full re-read. */
  text(): string;
}

export function buildModel(format: TextFormat, text: string, firstId = 1): CueModel {
  const { cues, diagnostics } = format.parse(text);
  const head = cues[0]?.from ?? text.length;
  let id = firstId;
  return {
    format,
    head,
    context: format.readContext(text.slice(0, head)),
    cues: cues.map((cue) => ({ ...cue, id: id++ })),
    diagnostics,
    nextId: id,
  };
}

/** Index of the last cue starting at or before `offset`, or -1. */
export function lastCueStartingBefore(cues: readonly Cue[], offset: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.from <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function shiftCue(cue: ModelCue, delta: number): ModelCue {
  return {
    ...cue,
    from: cue.from + delta,
    to: cue.to + delta,
    timingFrom: cue.timingFrom + delta,
    timingTo: cue.timingTo + delta,
    textFrom: cue.textFrom + delta,
    textTo: cue.textTo + delta,
  };
}

export function updateModel(model: CueModel, ranges: readonly ChangedRange[], oldDoc: Pick<DocumentAccess, 'length' | 'lineOf'>, doc: DocumentAccess): CueModel {
  if (ranges.length === 0) return model;
  const rebuild = () => buildModel(model.format, doc.text(), model.nextId);
  const { cues, format } = model;
  const changeFrom = Math.min(...ranges.map((r) => r.fromA));
  const changeTo = Math.max(...ranges.map((r) => r.toA));
  // The head decides how cues are read; a change there (or in a document without cues) reads everything.
  if (cues.length === 0 || changeFrom < model.head) return rebuild();

  // The window: from the cue before the change to the cue after it, which both anchor the
  // reading (a changed line can join or split the blocks around it).
  const first = Math.max(0, lastCueStartingBefore(cues, changeFrom) - 1);
  const last = Math.min(cues.length - 1, lastCueStartingBefore(cues, changeTo) + 1);
  const toEnd = last === cues.length - 1;
  const delta = doc.length - oldDoc.length;
  const windowFrom = cues[first]!.from;
  const windowToOld = toEnd ? oldDoc.length : cues[last]!.to;
  const windowTo = windowToOld + delta;
  if (windowTo < windowFrom) return rebuild();

  const fragment = doc.slice(windowFrom, windowTo);
  const read = format.parseFragment(fragment, model.context);
  // The reading must start at the window's first cue and end where the window does, or the
  // cues around it could read differently too.
  const lastRead = read.cues[read.cues.length - 1];
  if (!toEnd && (!lastRead || lastRead.to !== fragment.length)) return rebuild();
  if (read.cues.length === 0 || read.cues[0]!.from !== 0) return rebuild();

  // A cue keeps its id when it still starts where it started (mapped through the edit).
  const idByStart = new Map<number, number>();
  for (let k = first; k <= last; k++) {
    const cue = cues[k]!;
    if (cue.from < changeFrom) idByStart.set(cue.from, cue.id);
    else if (cue.from >= changeTo) idByStart.set(cue.from + delta, cue.id);
  }
  let nextId = model.nextId;
  const fresh = read.cues.map((cue) => {
    const placed = shiftCue({ ...cue, id: 0 }, windowFrom);
    placed.id = idByStart.get(placed.from) ?? nextId++;
    return placed;
  });

  // Diagnostics: before the window unchanged, inside it new, after it shifted in offset and line.
  const lineBase = doc.lineOf(windowFrom) - 1;
  const lineDelta = doc.lineOf(windowTo) - oldDoc.lineOf(windowToOld);
  const diagnostics: Diagnostic[] = model.diagnostics.filter((d) => d.from < windowFrom);
  for (const d of read.diagnostics) diagnostics.push({ ...d, from: d.from + windowFrom, to: d.to + windowFrom, line: d.line + lineBase });
  if (!toEnd) {
    for (const d of model.diagnostics) {
      if (d.from >= windowToOld) diagnostics.push({ ...d, from: d.from + delta, to: d.to + delta, line: d.line + lineDelta });
    }
  }

  return {
    ...model,
    cues: [...cues.slice(0, first), ...fresh, ...cues.slice(last + 1).map((cue) => shiftCue(cue, delta))],
    diagnostics,
    nextId,
  };
}
