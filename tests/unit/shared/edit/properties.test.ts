/**
 * Every edit operation on every text format: a document written by the format's serializer,
 * parsed, edited with the plan, parsed again. The cue count changes by exactly what the
 * operation says; untouched cues keep their times, text and bytes; touched cues get exactly
 * the intended times and text; SRT stays numbered 1..n; no new parse problems appear.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cue, CueData } from '../../../../src/shared/cue';
import {
  deleteCue,
  insertCueAfter,
  insertCueAt,
  mergeWithNext,
  neighbourBounds,
  nudge,
  retime,
  setEdgeAt,
  splitCue,
  spot,
  stringSource,
  timeStep,
  type EditPlan,
} from '../../../../src/shared/edit';
import { FORMATS, type TextFormat } from '../../../../src/shared/formats';
import { applyPlan, essence, srtIndices } from './helpers';

const TEXT_FORMATS = FORMATS.filter((f): f is TextFormat => f.kind === 'text');

const word = fc.stringMatching(/^[A-Za-z0-9.,!?']{1,8}$/);
const line = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const cueText = fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 6, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n')) });

/** Cues in time order (they may overlap), as a document of the format, with or without its final line break. */
const documentOf = (format: TextFormat) =>
  fc
    .record({
      first: fc.integer({ min: 0, max: 5000 }),
      cues: fc.array(fc.record({ advance: fc.integer({ min: 0, max: 4000 }), length: fc.integer({ min: 0, max: 4000 }), text: cueText }), {
        minLength: 1,
        maxLength: 7,
      }),
      trailingBreak: fc.boolean(),
    })
    .map(({ first, cues, trailingBreak }) => {
      let start = first;
      const data: CueData[] = cues.map((c) => {
        start += c.advance;
        return { start, end: start + c.length, text: c.text };
      });
      const text = format.serialize(data);
      return trailingBreak ? text : text.replace(/\n$/, '');
    });

interface Case {
  text: string;
  cues: Cue[];
}

function parseCase(format: TextFormat, text: string): Case {
  return { text, cues: format.parse(text).cues };
}

const problems = (format: TextFormat, text: string): number =>
  format.parse(text).diagnostics.filter((d) => d.severity !== 'info').length;

/**
 * Applies the plan and checks the result against `expected` (every cue's times and text
 * after the edit). `kept` maps old cue indices to new ones for cues whose bytes (from the
 * timing on) must be unchanged.
 */
function check(
  format: TextFormat,
  before: Case,
  plan: EditPlan | null,
  expected: [number, number, string][],
  kept: [number, number][],
): Case & { selection: number | undefined } {
  expect(plan).not.toBeNull();
  const { text, selection } = applyPlan(before.text, plan!);
  const after = parseCase(format, text);
  expect(essence(after.cues)).toEqual(expected);
  for (const [from, to] of kept) {
    const old = before.cues[from]!;
    const now = after.cues[to]!;
    expect(text.slice(now.timingFrom, now.to)).toBe(before.text.slice(old.timingFrom, old.to));
  }
  if (format.id === 'srt') expect(srtIndices({ format, text, doc: stringSource(text), cues: after.cues })).toEqual(after.cues.map((_, i) => String(i + 1)));
  expect(problems(format, text)).toBeLessThanOrEqual(problems(format, before.text));
  expect(text.includes('\n\n\n')).toBe(before.text.includes('\n\n\n'));
  return { ...after, selection };
}

const allBut = (n: number, ...skip: number[]): [number, number][] =>
  Array.from({ length: n }, (_, i) => i)
    .filter((i) => !skip.includes(i))
    .map((i) => [i, i]);

/** How cue text reads when only its words matter. */
const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');
const characters = (text: string): number => text.replace(/\s/g, '').length;

/** The source offset of decoded text offset `k` (ASS writes each line break as `\N`). */
const sourceOffset = (format: TextFormat, text: string, k: number): number =>
  format.id === 'ass' || format.id === 'ssa' ? k + (text.slice(0, k).match(/\n/g)?.length ?? 0) : k;

const runs = { numRuns: 60 };

describe.each(TEXT_FORMATS.map((f) => [f.id, f] as const))('%s', (_id, format) => {
  const step = timeStep(format);
  const q = (ms: number): number => Math.round(ms / step) * step + 0; // + 0: no -0
  const up = (ms: number): number => Math.ceil(ms / step) * step + 0;
  const doc = documentOf(format).map((text) => parseCase(format, text));
  const gap = fc.constantFrom(0, 24, 83);

  it('serializes to what it parses (the premise of these properties)', () => {
    fc.assert(
      fc.property(doc, (d) => {
        expect(d.cues.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });

  it('retime sets exactly the given times or returns null', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.integer({ min: -1000, max: 40_000 }), fc.integer({ min: -1000, max: 40_000 }), (d, at, start, end) => {
        const i = at % d.cues.length;
        const cue = d.cues[i]!;
        const plan = retime(format, cue, start, end);
        const s = q(start);
        const e = q(end);
        if (s < 0 || e < s || (s === q(cue.start) && e === q(cue.end))) {
          expect(plan).toBeNull();
          return;
        }
        const expected = essence(d.cues);
        expected[i] = [s, e, cue.text];
        check(format, d, plan, expected, allBut(d.cues.length, i));
      }),
      runs,
    );
  });

  it('nudge moves by the delta unless a bound stops it, and never crosses one', () => {
    fc.assert(
      fc.property(
        doc,
        fc.nat(),
        fc.constantFrom('start', 'end', 'both') as fc.Arbitrary<'start' | 'end' | 'both'>,
        fc.integer({ min: -3000, max: 3000 }),
        fc.boolean(),
        gap,
        (d, at, edge, delta, allowOverlap, minGap) => {
          const i = at % d.cues.length;
          const cue = d.cues[i]!;
          const plan = nudge(format, d.cues, i, edge, delta, { allowOverlap, minGap });
          if (!plan) return;
          const after = check(
            format,
            d,
            plan,
            essence(d.cues).map((c, k) => (k === i ? [expect.any(Number), expect.any(Number), c[2]] : c)) as [number, number, string][],
            allBut(d.cues.length, i),
          ).cues[i]!;
          const { min, max } = neighbourBounds(d.cues, i, { allowOverlap, minGap, step });
          expect(after.start).toBeGreaterThanOrEqual(0);
          expect(after.end).toBeGreaterThanOrEqual(after.start);
          const moved = { start: after.start - cue.start, end: after.end - cue.end };
          for (const e of ['start', 'end'] as const) {
            if (edge !== e && edge !== 'both') expect(moved[e]).toBe(0);
            else {
              expect(Math.sign(moved[e])).toBe(Math.sign(delta));
              expect(Math.abs(moved[e])).toBeLessThanOrEqual(Math.abs(delta) + step / 2);
            }
          }
          if (moved.start < 0) expect(after.start).toBeGreaterThanOrEqual(min);
          if (moved.end > 0) expect(after.end).toBeLessThanOrEqual(max);
          // Unhindered, the move is exact.
          if (edge === 'start' && cue.start + delta >= min && cue.start + delta <= cue.end) expect(after.start).toBe(q(cue.start + delta));
          if (edge === 'end' && cue.end + delta <= max && cue.end + delta >= cue.start) expect(after.end).toBe(q(cue.end + delta));
          if (edge === 'both' && cue.start + delta >= min && cue.end + delta <= max && delta % step === 0) expect(moved.start).toBe(delta);
        },
      ),
      runs,
    );
  });

  it('setEdgeAt puts the edge at the time within the bounds, or moves the cue there with its duration', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.constantFrom('start', 'end') as fc.Arbitrary<'start' | 'end'>, fc.integer({ min: 0, max: 40_000 }), gap, (d, at, edge, time, minGap) => {
        const i = at % d.cues.length;
        const cue = d.cues[i]!;
        const plan = setEdgeAt(format, d.cues, i, edge, time, { minGap });
        const { min, max } = neighbourBounds(d.cues, i, { minGap, step });
        const duration = cue.end - cue.start;
        const t = q(time);
        let intended: [number, number] | null;
        if (edge === 'start') {
          const s = Math.max(t, min);
          intended = s <= cue.end ? [s, cue.end] : s > max ? null : [s, Math.min(s + duration, max)];
        } else {
          const e = Math.min(t, max);
          intended = e >= cue.start ? [cue.start, e] : e < min ? null : [Math.max(e - duration, min), e];
        }
        if (!intended || (intended[0] === cue.start && intended[1] === cue.end)) {
          expect(plan).toBeNull();
          return;
        }
        const expected = essence(d.cues);
        expected[i] = [...intended, cue.text];
        const after = check(format, d, plan, expected, allBut(d.cues.length, i)).cues[i]!;
        expect(after.end).toBeGreaterThanOrEqual(after.start);
      }),
      runs,
    );
  });

  it('spot ends the cue at the time and starts the next the gap later', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.integer({ min: 0, max: 40_000 }), gap, (d, at, time, minGap) => {
        const i = at % d.cues.length;
        const cue = d.cues[i]!;
        const next = d.cues[i + 1];
        const plan = spot(format, d.cues, i, time, { minGap });
        const t = q(time);
        const nextStart = up(t + minGap);
        if (t <= cue.start || (next && nextStart > next.end)) {
          expect(plan).toBeNull();
          return;
        }
        const expected = essence(d.cues);
        expected[i] = [cue.start, t, cue.text];
        if (next) expected[i + 1] = [nextStart, next.end, next.text];
        if (t === cue.end && (!next || nextStart === next.start)) {
          expect(plan).toBeNull();
          return;
        }
        check(format, d, plan, expected, allBut(d.cues.length, i, i + 1));
      }),
      runs,
    );
  });

  it('insertCueAt adds one cue in time order, insertCueAfter one after the given cue', () => {
    fc.assert(
      fc.property(doc, fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 5000 }), cueText, fc.integer({ min: -1, max: 20 }), (d, start, length, text, at) => {
        const s = q(start);
        const e = q(start + length);
        const position = d.cues.findIndex((c) => c.start > start);
        const k = position < 0 ? d.cues.length : position;
        const expected = essence(d.cues);
        expected.splice(k, 0, [s, e, text]);
        const kept = d.cues.map((_, j): [number, number] => [j, j < k ? j : j + 1]);
        const source = stringSource(d.text);
        let after = check(format, d, insertCueAt(format, source, d.cues, start, start + length, text), expected, kept);
        expect(after.selection).toBe(after.cues[k]!.textFrom);

        const index = Math.min(at, d.cues.length - 1);
        const afterExpected = essence(d.cues);
        afterExpected.splice(index + 1, 0, [s, e, text]);
        const afterKept = d.cues.map((_, j): [number, number] => [j, j <= index ? j : j + 1]);
        after = check(format, d, insertCueAfter(format, source, d.cues, index, start, start + length, text), afterExpected, afterKept);
        expect(after.selection).toBe(after.cues[index + 1]!.textFrom);
      }),
      runs,
    );
  });

  it('deleteCue removes exactly that cue', () => {
    fc.assert(
      fc.property(doc, fc.nat(), (d, at) => {
        const i = at % d.cues.length;
        const expected = essence(d.cues);
        expected.splice(i, 1);
        const kept = d.cues.map((_, j): [number, number] => [j, j < i ? j : j - 1]).filter(([j]) => j !== i);
        const after = check(format, d, deleteCue(format, stringSource(d.text), d.cues, i), expected, kept);
        if (after.cues.length === 0) expect(after.text.trim()).toBe(d.text.slice(0, d.cues[0]!.from).trim());
        else expect(after.selection).toBe(i < after.cues.length ? after.cues[i]!.textFrom : after.cues[i - 1]!.textTo);
      }),
      runs,
    );
  });

  it('mergeWithNext joins two cues into one with both texts and the outer times', () => {
    fc.assert(
      fc.property(doc, fc.nat(), (d, at) => {
        const i = at % d.cues.length;
        const plan = mergeWithNext(format, stringSource(d.text), d.cues, i);
        const a = d.cues[i]!;
        const b = d.cues[i + 1];
        if (!b) {
          expect(plan).toBeNull();
          return;
        }
        const expected = essence(d.cues);
        expected.splice(i, 2, [Math.min(a.start, b.start), Math.max(a.end, b.end), [a.text, b.text].filter((t) => t !== '').join('\n')]);
        const kept = d.cues.map((_, j): [number, number] => [j, j < i ? j : j - 1]).filter(([j]) => j !== i && j !== i + 1);
        const after = check(format, d, plan, expected, kept);
        expect(after.selection).toBe(after.cues[i]!.textTo - (b.textTo - b.textFrom));
      }),
      runs,
    );
  });

  it('splitCue at a text offset cuts there and divides the time by characters', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat(), gap, (d, at, offset, minGap) => {
        const i = at % d.cues.length;
        const cue = d.cues[i]!;
        const k = offset % (cue.text.length + 1);
        const plan = splitCue(format, stringSource(d.text), d.cues, i, { at: 'text', offset: cue.textFrom + sourceOffset(format, cue.text, k) }, { minGap });
        const left = cue.text.slice(0, k).replace(/\s+$/, '');
        const right = cue.text.slice(k).replace(/^\s+/, '');
        if (characters(left) === 0 || characters(right) === 0) {
          expect(plan).toBeNull();
          return;
        }
        const L = characters(left);
        const R = characters(right);
        const t = Math.min(cue.end, Math.max(cue.start, q(cue.start + ((cue.end - cue.start) * L) / (L + R))));
        const expected = essence(d.cues);
        expected.splice(i, 1, [cue.start, t, left], [Math.min(cue.end, up(t + minGap)), cue.end, right]);
        const kept = d.cues.map((_, j): [number, number] => [j, j < i ? j : j + 1]).filter(([j]) => j !== i);
        const after = check(format, d, plan, expected, kept);
        expect(after.selection).toBe(after.cues[i + 1]!.textFrom);
      }),
      runs,
    );
  });

  it('splitCue at a time cuts the text at the word boundary nearest the time share', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.integer({ min: -200, max: 4200 }), gap, (d, at, into, minGap) => {
        const i = at % d.cues.length;
        const cue = d.cues[i]!;
        const time = cue.start + into;
        const plan = splitCue(format, stringSource(d.text), d.cues, i, { at: 'time', time }, { minGap });
        const t = q(time);
        if (t <= cue.start || t >= cue.end) {
          expect(plan).toBeNull();
          return;
        }
        const kept = d.cues.map((_, j): [number, number] => [j, j < i ? j : j + 1]).filter(([j]) => j !== i);
        const expected = essence(d.cues);
        expected.splice(i, 1, [cue.start, t, expect.any(String)], [Math.min(cue.end, up(t + minGap)), cue.end, expect.any(String)]);
        const after = check(format, d, plan, expected as [number, number, string][], kept);
        expect(after.selection).toBe(after.cues[i + 1]!.textFrom);
        const first = after.cues[i]!.text;
        const second = after.cues[i + 1]!.text;
        expect([...words(first), ...words(second)]).toEqual(words(cue.text));
        // The cut is the boundary nearest the share of time (or none, when there is no boundary).
        const share = (t - cue.start) / (cue.end - cue.start);
        const all = words(cue.text);
        const candidates = all.slice(1).map((_, n) => characters(all.slice(0, n + 1).join('')));
        if (cue.text === '') expect([first, second]).toEqual(['', '']);
        else if (candidates.length === 0) expect(first === '' ? share < 0.5 : share >= 0.5).toBe(true);
        else {
          const target = share * characters(cue.text);
          const best = Math.min(...candidates.map((c) => Math.abs(c - target)));
          expect(Math.abs(characters(first) - target)).toBeCloseTo(best, 9);
        }
      }),
      runs,
    );
  });
});
