/**
 * Time codes. Cuesmith keeps every time as an integer number of milliseconds;
 * each format decides how to spell it.
 */

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;

export interface ClockParts {
  hours: number;
  minutes: number;
  seconds: number;
  millis: number;
}

/** Splits a non-negative millisecond count into clock parts (negative input is clamped to 0). */
export function splitClock(ms: number): ClockParts {
  const total = Math.max(0, Math.round(ms));
  return {
    hours: Math.floor(total / MS_PER_HOUR),
    minutes: Math.floor((total % MS_PER_HOUR) / MS_PER_MINUTE),
    seconds: Math.floor((total % MS_PER_MINUTE) / MS_PER_SECOND),
    millis: total % MS_PER_SECOND,
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

// Writers format two time codes per cue; on 100,000 cues, looking padded digits up beats padStart.
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => pad(n, 2));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => pad(n, 3));

/** `HH:MM:SS<sep>mmm`, hours padded to two digits but never truncated (100:00:00,000 stays readable). */
export function formatHmsMillis(ms: number, separator: ',' | '.' = '.'): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / MS_PER_HOUR);
  const minutes = Math.floor((total % MS_PER_HOUR) / MS_PER_MINUTE);
  const seconds = Math.floor((total % MS_PER_MINUTE) / MS_PER_SECOND);
  return `${hours < 100 ? TWO_DIGITS[hours] : hours}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}${separator}${THREE_DIGITS[total % MS_PER_SECOND]}`;
}

/** A clock for people: `0:05.120` under an hour, `1:02:03.450` above. Used in labels and the status bar. */
export function formatClock(ms: number): string {
  const { hours, minutes, seconds, millis } = splitClock(ms);
  const tail = `${pad(seconds, 2)}.${pad(millis, 3)}`;
  return hours > 0 ? `${hours}:${pad(minutes, 2)}:${tail}` : `${minutes}:${tail}`;
}

/**
 * Converts a fraction-of-a-second digit string to milliseconds the way people read it:
 * "5" → 500, "05" → 50, "050" → 50, "0501" → 50 (rounded). Returns NaN for non-digits.
 */
export function fractionToMillis(digits: string): number {
  if (digits.length === 0) return 0;
  if (!/^\d+$/.test(digits)) return Number.NaN;
  return Math.round(Number(`0.${digits}`) * MS_PER_SECOND);
}

/** Milliseconds from clock fields; returns NaN when minutes or seconds are out of range. */
export function clockToMillis(hours: number, minutes: number, seconds: number, millis: number): number {
  if (minutes > 59 || seconds > 59 || millis > 999 || millis < 0) return Number.NaN;
  return hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * MS_PER_SECOND + millis;
}
