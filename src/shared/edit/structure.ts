/**
 * Adding, removing and joining cues as text edits. A new block is written by the format
 * (`formatBlock`) with its separator (`blockSeparator`); text moved from one cue to another
 * is copied from the source as it stands (markup, `\N`, spacing inside it); SRT index lines
 * are renumbered where they were sequential (see numbering.ts).
 *
 * A block we write is read back with the format's own fragment parser before it is
 * proposed: if it would not read as the intended cue — text the format cannot hold (a
 * WebVTT line with "-->"), an ASS file whose Format line orders the fields differently from
 * the standard order `formatBlock` writes — the operation returns null instead.
 */
import type { Cue } from '../cue';
import type { TextFormat } from '../formats/types';
import { headContext, insertionAfter, insertionIntoEmpty, readsAs, removalRange, type StructureOptions } from './blocks';
import { formatQuantizer, textLayout, textOffsetInBlock } from './layout';
import { numberAfter, readIndex, renumberRun } from './numbering';
import { makePlan, mapPosition, offsetInInsert, orderChanges, type EditPlan, type SourceText, type TextChange } from './plan';

export type { StructureOptions } from './blocks';
export { splitCue, type SplitPoint, type SplitOptions } from './split';

/**
 * Cue text as a new block can hold it: line breaks normalized, blank lines dropped (a blank
 * line ends a cue in every block format), no spaces around it (whisper drops them).
 */
function blockText(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .filter((line) => line.trim() !== '')
    .join('\n')
    .trim();
}

/**
 * Inserts a new cue after `cues[index]` in the document (index -1: before the first cue, or
 * after the header of a document without cues). The times are the caller's (no neighbour
 * check: see constraints.ts). The cursor goes to the new cue's text. Null for an index out
 * of range, invalid times, or text the format cannot hold.
 */
export function insertCueAfter(
  format: TextFormat,
  doc: SourceText,
  cues: readonly Cue[],
  index: number,
  start: number,
  end: number,
  text: string,
  options: StructureOptions = {},
): EditPlan | null {
  if (index < -1 || index >= cues.length || !Number.isFinite(start) || !Number.isFinite(end)) return null;
  const q = formatQuantizer(format);
  const cue = { start: q.nearest(start), end: q.nearest(end), text: blockText(text) };
  if (cue.start < 0 || cue.end < cue.start) return null;
  const number = numberAfter(format, doc, cues, index);
  const block = format.formatBlock(cue, number);
  const textOffset = textOffsetInBlock(format, cue, number);

  if (cues.length === 0) {
    // The whole document is head: check the result as a whole (an ASS script without an [Events] section takes no cue).
    const { change, blockOffset } = insertionIntoEmpty(format, doc, block);
    const result = doc.slice(0, change.from) + change.insert + doc.slice(change.to, doc.length);
    const parsed = format.parse(result).cues;
    const only = parsed[0];
    if (parsed.length !== 1 || !only || only.start !== cue.start || only.end !== cue.end || only.text !== cue.text) return null;
    return makePlan([change], change.from + blockOffset + textOffset);
  }

  if (!readsAs(format, headContext(format, doc, cues, options.context), block, cue)) return null;
  const insertion = insertionAfter(format, cues, index, block)!;
  const changes = [insertion.change, ...renumberRun(format, doc, cues, index + 1, number, 1)];
  return makePlan(changes, offsetInInsert(changes, insertion.change, insertion.blockOffset + textOffset));
}

/**
 * Inserts a new cue in time order: before the first cue that starts later (after every cue
 * starting at the same time).
 */
export function insertCueAt(
  format: TextFormat,
  doc: SourceText,
  cues: readonly Cue[],
  start: number,
  end: number,
  text: string,
  options: StructureOptions = {},
): EditPlan | null {
  const later = cues.findIndex((cue) => cue.start > start);
  return insertCueAfter(format, doc, cues, (later < 0 ? cues.length : later) - 1, start, end, text, options);
}

/** Where the cursor goes once `cues[removed]` is gone: the next cue's text, else the end of the previous one's. */
function cursorAfterRemoval(changes: readonly TextChange[], cues: readonly Cue[], removed: number, fallback: number): number {
  const next = cues[removed + 1];
  const previous = cues[removed - 1];
  return mapPosition(changes, next ? next.textFrom : previous ? previous.textTo : fallback);
}

/** Deletes a cue with the blank lines that separated it, renumbering SRT cues after it. */
export function deleteCue(format: TextFormat, doc: SourceText, cues: readonly Cue[], index: number): EditPlan | null {
  const cue = cues[index];
  if (!cue) return null;
  const removal = removalRange(doc, cue);
  const number = readIndex(doc, cue)?.value ?? index + 1;
  const changes = orderChanges([{ ...removal, insert: '' }, ...renumberRun(format, doc, cues, index + 1, number + 1, -1)]);
  return makePlan(changes, cursorAfterRemoval(changes, cues, index, removal.from));
}

/**
 * Joins a cue with the next one: the first keeps its id, settings and position and takes
 * both texts (joined with a line break; an empty text adds none) and the earlier start and
 * later end; the second is deleted as by `deleteCue`. The cursor goes to the join. Null for
 * the last cue.
 */
export function mergeWithNext(format: TextFormat, doc: SourceText, cues: readonly Cue[], index: number): EditPlan | null {
  const first = cues[index];
  const second = cues[index + 1];
  if (!first || !second) return null;
  const layout = textLayout(format);
  const changes: TextChange[] = [];

  const start = Math.min(first.start, second.start);
  const end = Math.max(first.end, second.end);
  const timing = format.formatTiming(start, end);
  if (timing !== format.formatTiming(first.start, first.end)) changes.push({ from: first.timingFrom, to: first.timingTo, insert: timing });

  const moved = doc.slice(second.textFrom, second.textTo);
  const joiner = first.textFrom === first.textTo ? (layout.ownLine ? '\n' : '') : layout.lineBreak;
  const join: TextChange = { from: first.textTo, to: first.textTo, insert: moved === '' ? '' : joiner + moved };
  changes.push(join);

  changes.push({ ...removalRange(doc, second), insert: '' });
  const number = readIndex(doc, second)?.value ?? index + 2;
  changes.push(...renumberRun(format, doc, cues, index + 2, number + 1, -1));
  return makePlan(changes, offsetInInsert(changes, join, moved === '' ? 0 : joiner.length));
}
