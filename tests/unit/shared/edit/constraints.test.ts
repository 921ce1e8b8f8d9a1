import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampToNeighbours, neighbourBounds, snap, snapTargets } from '../../../../src/shared/edit';

const cues = [
  { start: 1000, end: 2000 },
  { start: 3000, end: 4000 },
  { start: 5000, end: 6000 },
];

describe('neighbourBounds', () => {
  it('runs from the previous end to the next start, the gap away', () => {
    expect(neighbourBounds(cues, 1, { minGap: 24 })).toEqual({ min: 2024, max: 4976 });
    expect(neighbourBounds(cues, 0)).toEqual({ min: 0, max: 3000 });
    expect(neighbourBounds(cues, 2)).toEqual({ min: 4000, max: Number.POSITIVE_INFINITY });
  });

  it('only stops at 0 when overlaps are allowed', () => {
    expect(neighbourBounds(cues, 1, { allowOverlap: true, minGap: 24 })).toEqual({ min: 0, max: Number.POSITIVE_INFINITY });
  });

  it('rounds bounds inwards to the format step', () => {
    expect(neighbourBounds(cues, 1, { minGap: 24, step: 10 })).toEqual({ min: 2030, max: 4970 });
  });
});

describe('clampToNeighbours', () => {
  it('leaves times inside the bounds alone', () => {
    expect(clampToNeighbours(cues, 1, 2500, 3500, { minGap: 24 })).toEqual({ start: 2500, end: 3500 });
  });

  it('pulls times back from the neighbours', () => {
    expect(clampToNeighbours(cues, 1, 1500, 5500, { minGap: 24 })).toEqual({ start: 2024, end: 4976 });
  });

  it('never goes below 0 and raises an end that fell below the start', () => {
    expect(clampToNeighbours(cues, 0, -300, -100)).toEqual({ start: 0, end: 0 });
    expect(clampToNeighbours(cues, 1, 3500, 3200)).toEqual({ start: 3500, end: 3500 });
  });

  it('returns null when the neighbours leave no room', () => {
    const tight = [
      { start: 0, end: 1000 },
      { start: 1000, end: 1010 },
      { start: 1010, end: 2000 },
    ];
    expect(clampToNeighbours(tight, 1, 1000, 1010, { minGap: 24 })).toBeNull();
    expect(clampToNeighbours(tight, 1, 1000, 1010, { minGap: 24, allowOverlap: true })).toEqual({ start: 1000, end: 1010 });
  });

  it('property: clamped times never overlap the neighbours and keep the gap', () => {
    const timed = fc.record({ start: fc.integer({ min: 0, max: 100_000 }), length: fc.integer({ min: 0, max: 5000 }) });
    fc.assert(
      fc.property(
        fc.array(timed, { minLength: 1, maxLength: 8 }),
        fc.nat(7),
        fc.integer({ min: -10_000, max: 120_000 }),
        fc.integer({ min: -10_000, max: 120_000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom(1, 10),
        (raw, at, start, end, minGap, step) => {
          const list = raw.map((c) => ({ start: c.start, end: c.start + c.length })).sort((a, b) => a.start - b.start);
          const index = at % list.length;
          const result = clampToNeighbours(list, index, start, end, { minGap, step });
          const previous = list[index - 1];
          const next = list[index + 1];
          if (!result) {
            const min = previous ? Math.ceil((previous.end + minGap) / step) * step : 0;
            const max = next ? Math.floor((next.start - minGap) / step) * step : Infinity;
            expect(min).toBeGreaterThan(max);
            return;
          }
          expect(result.start).toBeGreaterThanOrEqual(0);
          expect(result.end).toBeGreaterThanOrEqual(result.start);
          if (previous) expect(result.start).toBeGreaterThanOrEqual(previous.end + minGap);
          if (next) expect(result.end).toBeLessThanOrEqual(next.start - minGap);
          expect(result.start % step).toBe(0);
          expect(result.end % step).toBe(0);
        },
      ),
    );
  });
});

describe('snap', () => {
  it('moves to the nearest target within the threshold', () => {
    expect(snap(1040, [1000, 1100, 1050], 60)).toBe(1050);
    expect(snap(1040, [1000, 1100], 30)).toBe(1040);
    expect(snap(1050, [1000, 1100], 50)).toBe(1000);
  });

  it('snaps to the playhead and the neighbours a gap away', () => {
    const targets = snapTargets(cues, 1, { playhead: 3210, minGap: 24 });
    expect(targets).toEqual([3210, 2024, 4976]);
    expect(snap(2010, targets, 20)).toBe(2024);
  });

  it('property: never moves a time by more than the threshold, and only onto a target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 5000 }),
        (time, targets, threshold) => {
          const snapped = snap(time, targets, threshold);
          expect(Math.abs(snapped - time)).toBeLessThanOrEqual(threshold);
          expect(snapped === time || targets.includes(snapped)).toBe(true);
          for (const t of targets) if (Math.abs(t - time) <= threshold) expect(Math.abs(snapped - time)).toBeLessThanOrEqual(Math.abs(t - time));
        },
      ),
    );
  });
});
