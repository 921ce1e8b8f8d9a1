/**
 * Adding and removing whole cue blocks without disturbing the text around them: where a
 * new block goes and with which separator, which blank lines leave with a deleted block,
 * and the check that a block we write reads back as the cue we meant.
 */
import type { Cue, CueData } from '../cue';
import type { FormatContext, TextFormat } from '../formats/types';
import type { SourceText, TextChange } from './plan';

type Block = Pick<Cue, 'from' | 'to'>;

const SCAN_CHUNK = 256;
/** Blank for block layout: spaces, tabs, line breaks, and a byte-order mark at the start of the file. */
const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF';

/** Start of the run of blank characters that ends at `pos`. */
export function blankStart(doc: SourceText, pos: number): number {
  let i = pos;
  while (i > 0) {
    const from = Math.max(0, i - SCAN_CHUNK);
    const chunk = doc.slice(from, i);
    for (let k = chunk.length - 1; k >= 0; k--) if (!isBlank(chunk[k]!)) return from + k + 1;
    i = from;
  }
  return 0;
}

/** End of the run of blank characters that starts at `pos`. */
export function blankEnd(doc: SourceText, pos: number): number {
  let i = pos;
  while (i < doc.length) {
    const to = Math.min(doc.length, i + SCAN_CHUNK);
    const chunk = doc.slice(i, to);
    for (let k = 0; k < chunk.length; k++) if (!isBlank(chunk[k]!)) return i + k;
    i = to;
  }
  return doc.length;
}

/**
 * What to delete to remove a block: the block and the blank lines before it, back to the
 * end of whatever precedes it (the previous cue, a NOTE, a header), so the blank lines after
 * it — a separator, or the file's final line break — stay as they were. A block with
 * nothing before it takes the blank lines after it instead, so the file does not start
 * with blank lines.
 */
export function removalRange(doc: SourceText, block: Block): { from: number; to: number } {
  const before = blankStart(doc, block.from);
  if (before > 0) {
    const lineEnd = doc.slice(before, block.from).indexOf('\n');
    return { from: lineEnd >= 0 ? before + lineEnd : block.from, to: block.to };
  }
  const after = blankEnd(doc, block.to);
  if (after >= doc.length) return { from: block.from, to: after };
  const lastBreak = doc.slice(block.to, after).lastIndexOf('\n');
  return { from: block.from, to: lastBreak >= 0 ? block.to + lastBreak + 1 : block.to };
}

/**
 * The change that puts `block` after `cues[index]` (before the first cue for index -1),
 * with the format's separator, and where the block starts in the inserted text. Null
 * when there are no cues (see `insertionIntoEmpty`).
 */
export function insertionAfter(
  format: TextFormat,
  cues: readonly Block[],
  index: number,
  block: string,
): { change: TextChange; blockOffset: number } | null {
  const separator = format.blockSeparator;
  const previous = cues[index];
  if (previous) return { change: { from: previous.to, to: previous.to, insert: separator + block }, blockOffset: separator.length };
  const first = cues[0];
  if (!first) return null;
  return { change: { from: first.from, to: first.from, insert: block + separator }, blockOffset: 0 };
}

/**
 * The change that adds the first cue to a document without cues (empty, or a header
 * alone): after the last non-blank text, one separator away, ending with a line break.
 */
export function insertionIntoEmpty(format: TextFormat, doc: SourceText, block: string): { change: TextChange; blockOffset: number } {
  const contentEnd = blankStart(doc, doc.length);
  if (contentEnd > 0) {
    const separator = format.blockSeparator;
    return { change: { from: contentEnd, to: doc.length, insert: `${separator}${block}\n` }, blockOffset: separator.length };
  }
  // Nothing but blank space (keep a byte-order mark).
  const from = doc.slice(0, 1) === '\uFEFF' ? 1 : 0;
  return { change: { from, to: doc.length, insert: `${block}\n` }, blockOffset: 0 };
}

export interface StructureOptions {
  /** The document head's format context, when the editor's cue model has it (saves re-reading the head). */
  context?: FormatContext;
}

/** The format context of a document's head: given by the editor's cue model, or read from the text before the first cue. */
export function headContext(format: TextFormat, doc: SourceText, cues: readonly Block[], given?: FormatContext): FormatContext {
  return given ?? format.readContext(doc.slice(0, cues[0]?.from ?? doc.length));
}

/** Whether `block` reads, where a cue starts in this document, as exactly one cue with these times (and this text). */
export function readsAs(format: TextFormat, context: FormatContext, block: string, expected: Pick<CueData, 'start' | 'end'> & { text?: string }): boolean {
  const { cues } = format.parseFragment(block, context);
  const cue = cues[0];
  return (
    cues.length === 1 &&
    cue !== undefined &&
    cue.start === expected.start &&
    cue.end === expected.end &&
    (expected.text === undefined || cue.text === expected.text)
  );
}
