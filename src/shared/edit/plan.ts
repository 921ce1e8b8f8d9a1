/**
 * What every edit operation returns: the text changes that carry it out, for the editor to
 * apply as one CodeMirror transaction (so undo covers it and untouched bytes survive).
 */

/** Replace `from..to` (offsets in the document before the edit) with `insert`. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

export interface EditPlan {
  /** In document order, not overlapping, offsets in the document before the change (CodeMirror's ChangeSpec). */
  changes: TextChange[];
  /** Where the cursor goes, in the document after the changes. */
  selection?: number;
}

/** The document text an operation may read: CodeMirror's `Text` wrapped as `{ length, slice: sliceString }`. */
export interface SourceText {
  readonly length: number;
  slice(from: number, to: number): string;
}

/** A plain string as `SourceText` (tests, the CLI). */
export function stringSource(text: string): SourceText {
  return { length: text.length, slice: (from, to) => text.slice(from, to) };
}

/**
 * Sorts changes into document order and joins the ones that touch (an insertion at the
 * point where a replacement starts or ends), so CodeMirror never sees two changes at one
 * position. Changes that truly overlap are a bug in the caller.
 */
export function orderChanges(changes: readonly TextChange[]): TextChange[] {
  const sorted = changes
    .filter((c) => c.from !== c.to || c.insert !== '')
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const result: TextChange[] = [];
  for (const change of sorted) {
    const last = result[result.length - 1];
    if (last && change.from < last.to) throw new Error(`Overlapping changes at ${change.from}`);
    if (last && change.from === last.to) {
      result[result.length - 1] = { from: last.from, to: change.to, insert: last.insert + change.insert };
    } else result.push({ ...change });
  }
  return result;
}

/**
 * The offset, in the document after `changes`, of character `offset` of `target`'s inserted
 * text. `target` must be one of `changes`, and no other change may insert at its position.
 */
export function offsetInInsert(changes: readonly TextChange[], target: TextChange, offset: number): number {
  let delta = 0;
  for (const c of changes) {
    if (c === target || c.to > target.from || (c.from === c.to && c.from === target.from)) continue;
    delta += c.insert.length - (c.to - c.from);
  }
  return target.from + delta + offset;
}

/** A plan from changes in any order; null when nothing would change. */
export function makePlan(changes: readonly TextChange[], selection?: number): EditPlan | null {
  const ordered = orderChanges(changes);
  if (ordered.length === 0) return null;
  return selection === undefined ? { changes: ordered } : { changes: ordered, selection };
}

/** Where offset `pos` of the old document lands after `changes` (in document order); a replaced position goes to the end of its replacement. */
export function mapPosition(changes: readonly TextChange[], pos: number): number {
  let delta = 0;
  for (const c of changes) {
    if (c.from > pos || (c.from === pos && c.to === pos)) break;
    if (c.to > pos) return c.from + delta + c.insert.length;
    delta += c.insert.length - (c.to - c.from);
  }
  return pos + delta;
}
