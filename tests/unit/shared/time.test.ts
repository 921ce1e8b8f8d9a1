import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockToMillis, formatClock, formatHmsMillis, fractionToMillis, splitClock } from '../../../src/shared/time';

describe('time codes', () => {
  it('formats hours, minutes, seconds and milliseconds', () => {
    expect(formatHmsMillis(3_723_004, ',')).toBe('01:02:03,004');
    expect(formatHmsMillis(100 * 3_600_000)).toBe('100:00:00.000');
    expect(formatHmsMillis(-5)).toBe('00:00:00.000');
  });

  it('formats a human clock', () => {
    expect(formatClock(5_120)).toBe('0:05.120');
    expect(formatClock(3_723_450)).toBe('1:02:03.450');
  });

  it('reads fractions as people write them', () => {
    expect(fractionToMillis('5')).toBe(500);
    expect(fractionToMillis('05')).toBe(50);
    expect(fractionToMillis('050')).toBe(50);
    expect(fractionToMillis('')).toBe(0);
    expect(fractionToMillis('x')).toBeNaN();
  });

  it('rejects out-of-range clock fields', () => {
    expect(clockToMillis(0, 60, 0, 0)).toBeNaN();
    expect(clockToMillis(0, 0, 60, 0)).toBeNaN();
    expect(clockToMillis(2, 0, 1, 5)).toBe(7_201_005);
  });

  it('round-trips every millisecond count through its clock parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 * 3_600_000 }), (ms) => {
        const { hours, minutes, seconds, millis } = splitClock(ms);
        expect(clockToMillis(hours, minutes, seconds, millis)).toBe(ms);
      }),
    );
  });
});
