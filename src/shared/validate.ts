/**
 * Argument checks for everything that crosses a process or network boundary (IPC, the
 * browser host's HTTP API). Hand-written because the API is small and flat: a check is a
 * function that returns null when the value is acceptable, otherwise what is wrong.
 */

export type Check = (value: unknown) => string | null;

export const checks = {
  string(minLength: number, maxLength: number): Check {
    return (value) => {
      if (typeof value !== 'string') return 'must be a string';
      if (value.length < minLength) return `must have at least ${minLength} characters`;
      if (value.length > maxLength) return `must have at most ${maxLength} characters`;
      if (value.includes('\0')) return 'must not contain NUL characters';
      return null;
    };
  },
  /** An opaque identifier handed out by the services: URL-safe characters only. */
  token(): Check {
    return (value) =>
      typeof value === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value) ? null : 'must be an identifier';
  },
  bytes(maxLength: number): Check {
    return (value) => {
      if (!(value instanceof Uint8Array)) return 'must be bytes';
      if (value.byteLength > maxLength) return `must be at most ${maxLength} bytes`;
      return null;
    };
  },
  integer(min: number, max: number): Check {
    return (value) =>
      typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
        ? null
        : `must be an integer from ${min} to ${max}`;
  },
  /** A plain JSON-like object whose serialized size stays under a limit (the receiver sanitizes its content). */
  plainObject(maxJsonLength: number): Check {
    return (value) => {
      if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array) return 'must be an object';
      try {
        return JSON.stringify(value).length <= maxJsonLength ? null : `must be at most ${maxJsonLength} characters as JSON`;
      } catch {
        return 'must be plain data';
      }
    };
  },
  oneOf<T extends string>(...options: readonly T[]): Check {
    return (value) =>
      typeof value === 'string' && (options as readonly string[]).includes(value)
        ? null
        : `must be one of ${options.join(', ')}`;
  },
};

/** Checks a positional argument list; returns the first problem or null. */
export function checkArguments(specs: readonly Check[], args: readonly unknown[]): string | null {
  if (args.length !== specs.length) return `expected ${specs.length} argument(s), got ${args.length}`;
  for (let i = 0; i < specs.length; i++) {
    const problem = specs[i]!(args[i]);
    if (problem) return `argument ${i + 1} ${problem}`;
  }
  return null;
}
