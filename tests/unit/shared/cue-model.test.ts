/**
 * The incremental cue model must always equal a full re-read of the text: random edits
 * (typing, deleting, pasting time codes and blank lines) on documents of every editable
 * format, compared cue by cue with a fresh parse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, updateModel, type CueModel } from '../../../src/shared/cue-model';
import { FORMATS, type TextFormat } from '../../../src/shared/formats';
import { LineIndex } from '../../../src/shared/text/lines';

const textFormats = FORMATS.filter((f): f is TextFormat => f.kind === 'text');

function access(text: string) {
  const lines = new LineIndex(text);
  return { length: text.length, slice: (a: number, b: number) => text.slice(a, b), lineOf: (o: number) => lines.position(o).line, text: () => text };
}

/** Applies one replacement to the text and the model, like a CodeMirror transaction. */
function edit(model: CueModel, text: string, from: number, to: number, insert: string): { model: CueModel; text: string } {
  const next = text.slice(0, from) + insert + text.slice(to);
  const updated = updateModel(model, [{ fromA: from, toA: to, fromB: from, toB: from + insert.length }], access(text), access(next));
  return { model: updated, text: next };
}

const comparable = (model: CueModel) =>
  model.cues.map(({ id: _id, ...cue }) => cue);

describe('incremental cue model', () => {
  const word = fc.stringMatching(/^[a-zé]{1,8}$/);
  const cueList = fc
    .array(fc.record({ gap: fc.integer({ min: 0, max: 3000 }), length: fc.integer({ min: 0, max: 5000 }), words: fc.array(word, { minLength: 1, maxLength: 5 }) }), { minLength: 1, maxLength: 12 })
    .map((raw) => {
      let t = 0;
      return raw.map((c) => {
        const start = (t += c.gap) - (t % 10);
        t += c.length;
        return { start, end: Math.max(start, t - (t % 10)), text: c.words.join(' ') };
      });
    });
  // What people type or paste, including things that change the structure.
  const insertion = fc.oneof(
    word,
    fc.constantFrom('\n', '\n\n', ' ', '-->', '00:00:01,000 --> 00:00:02,000', '[00:00:01.000 --> 00:00:02.000]  x', '7\n', '0:00:01.000,0:00:02.000\n', 'Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,x\n'),
  );

  it.each(textFormats.map((f) => [f.id, f] as const))('%s: after any edits it equals a full read', (_id, format) => {
    fc.assert(
      fc.property(cueList, fc.array(fc.tuple(fc.nat(), fc.nat(40), insertion), { minLength: 1, maxLength: 6 }), (cues, edits) => {
        let text = format.serialize(cues);
        let model = buildModel(format, text);
        for (const [at, length, insert] of edits) {
          const from = at % (text.length + 1);
          const to = Math.min(text.length, from + (length % 12));
          ({ model, text } = edit(model, text, from, to, insert));
          const full = buildModel(format, text);
          expect(comparable(model)).toEqual(comparable(full));
          expect(model.head).toBe(full.head);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps ids of untouched cues and of the cue being typed in', () => {
    const format = textFormats.find((f) => f.id === 'srt')!;
    const text = format.serialize([
      { start: 1000, end: 2000, text: 'one' },
      { start: 3000, end: 4000, text: 'two' },
      { start: 5000, end: 6000, text: 'three' },
    ]);
    const model = buildModel(format, text);
    const ids = model.cues.map((c) => c.id);
    const at = text.indexOf('two') + 3;
    const typed = edit(model, text, at, at, ' more');
    expect(typed.model.cues.map((c) => c.id)).toEqual(ids);
    expect(typed.model.cues[1]!.text).toBe('two more');
    const removed = edit(typed.model, typed.text, typed.model.cues[1]!.from, typed.model.cues[2]!.from, '');
    expect(removed.model.cues.map((c) => c.id)).toEqual([ids[0], ids[2]]);
  });
});
