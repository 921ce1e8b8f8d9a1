import { expect } from 'vitest';
import type { Cue } from '../../../../src/shared/cue';
import { getTextFormat, type FormatId, type TextFormat } from '../../../../src/shared/formats';
import { stringSource, type EditPlan, type SourceText } from '../../../../src/shared/edit';

/** Applies a plan as CodeMirror would, after checking it keeps CodeMirror's rules. */
export function applyPlan(text: string, plan: EditPlan): { text: string; selection: number | undefined } {
  let previousTo = -1;
  for (const change of plan.changes) {
    expect(change.from).toBeGreaterThanOrEqual(0);
    expect(change.to).toBeGreaterThanOrEqual(change.from);
    expect(change.to).toBeLessThanOrEqual(text.length);
    expect(change.from, 'changes in document order, not touching').toBeGreaterThan(previousTo);
    previousTo = change.to;
  }
  let result = text;
  for (const change of [...plan.changes].reverse()) {
    result = result.slice(0, change.from) + change.insert + result.slice(change.to);
  }
  if (plan.selection !== undefined) {
    expect(plan.selection).toBeGreaterThanOrEqual(0);
    expect(plan.selection).toBeLessThanOrEqual(result.length);
  }
  return { text: result, selection: plan.selection };
}

export interface Doc {
  format: TextFormat;
  text: string;
  doc: SourceText;
  cues: Cue[];
}

export function open(id: FormatId, text: string): Doc {
  const format = getTextFormat(id);
  return { format, text, doc: stringSource(text), cues: format.parse(text).cues };
}

/** Applies the plan (which must exist) and parses the result. */
export function after(document: Doc, plan: EditPlan | null): Doc & { selection: number | undefined } {
  expect(plan).not.toBeNull();
  const { text, selection } = applyPlan(document.text, plan!);
  return { ...open(document.format.id, text), selection };
}

export const times = (cues: readonly Cue[]): [number, number][] => cues.map((c) => [c.start, c.end]);
export const texts = (cues: readonly Cue[]): string[] => cues.map((c) => c.text);
/** Times and text: what must survive untouched. */
export const essence = (cues: readonly Cue[]): [number, number, string][] => cues.map((c) => [c.start, c.end, c.text]);

/** SRT index lines as written, for checking renumbering. */
export const srtIndices = (d: Doc): string[] => d.cues.map((c) => d.text.slice(c.from, c.timingFrom).trim());
