/**
 * A JSON reader for speech-to-text output, which is not always valid JSON:
 *
 * - whisper.cpp writes its JSON by hand, escaping only `"` and `\`, so a tab or newline
 *   inside a text arrives raw; older versions did not escape backslashes either, which
 *   leaves invalid escapes (`\N`). Its floats go through iostream (`nan`, `inf`), and
 *   `--diarize` on mono audio leaves a trailing comma after the text field.
 * - Python's `json.dump` (openai-whisper, WhisperX) writes `NaN`, `Infinity`, `-Infinity`.
 * - A run killed mid-way leaves a truncated file.
 *
 * `readJson` tries the native `JSON.parse` first. When it fails, a hand-written scanner
 * reads the text again, repairs what it can (raw control characters kept as text, invalid
 * escapes kept literally, non-finite numbers read as null, trailing commas dropped), and on
 * a fatal error (truncation, garbage) keeps every value completed before it: containers
 * still open at that point are closed where they stand. The scanner also records where
 * every object and property value starts, so callers can point diagnostics at the
 * segment that is wrong (`scanJson`). It never throws and runs in linear time with an
 * explicit stack, so deep nesting cannot overflow the call stack.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A problem the scanner repaired or stopped at, with its source offset. */
export interface JsonIssue {
  offset: number;
  message: string;
}

/** Where each object or array starts, and where each of its children (property value or element) starts. */
export interface JsonLocations {
  start(node: object): number | undefined;
  /** `key` is a property name, or an element index for arrays. */
  child(node: object, key: string | number): number | undefined;
}

export interface JsonReadResult {
  /** undefined when not even the first value could be read. */
  value: JsonValue | undefined;
  /** Repairs, one entry per kind (the first place and how many), in order of first appearance. */
  repairs: JsonIssue[];
  /** The error that stopped the scanner, if any; `value` then holds what was read before it. */
  error: JsonIssue | null;
  /** Present when the scanner ran: always from `scanJson`, from `readJson` only for invalid JSON. */
  locations?: JsonLocations;
}

/** Parses JSON natively when it is valid (fast), with the lenient scanner otherwise. */
export function readJson(text: string): JsonReadResult {
  try {
    return { value: JSON.parse(text) as JsonValue, repairs: [], error: null };
  } catch {
    return scanJson(text);
  }
}

/** An open array, or an open object with the key of the value being read ("" before the first). */
type Container = { node: JsonValue[]; key: null } | { node: { [key: string]: JsonValue }; key: string };

/**
 * What the scanner looks for next: `firstValue` (after `[`: a value or `]`), `firstKey`
 * (after `{`: a key or `}`), `key` (after a comma in an object), `separator` (after a
 * value inside a container: `,` or the closing bracket).
 */
type Expect = 'value' | 'firstValue' | 'firstKey' | 'key' | 'separator' | 'done';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// Python's json.dump and C++ iostream spellings of non-finite floats.
const NON_FINITE = /-?(?:NaN|Infinity|nan|inf)/y;
const LITERALS: ReadonlyArray<readonly [string, JsonValue]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_CARE = /[\\\u0000-\u001f]/;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

const REPAIR_MESSAGES = {
  control: 'raw control characters (tab, line break …) inside strings were read as text',
  escape: 'invalid backslash escapes were kept as written',
  nonFinite: 'non-finite numbers (NaN, Infinity, nan, inf) were read as null',
  trailingComma: 'trailing commas before a closing bracket were ignored',
} as const;
type RepairKind = keyof typeof REPAIR_MESSAGES;

function whatIsAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the text ends';
  const c = text[offset]!;
  return /\s/.test(c) ? `unexpected whitespace (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})` : `unexpected "${c}"`;
}

/** Reads leniently and records locations; on valid JSON it gives the same value as JSON.parse. */
export function scanJson(text: string): JsonReadResult & { locations: JsonLocations } {
  // Per container: where it starts, and where its elements (arrays) or property values (objects) start.
  // A Map rather than a WeakMap: it lives no longer than the result, and is much cheaper to collect.
  const places = new Map<object, { start: number; children: number[] | Map<string, number> }>();
  const repairCounts = new Map<RepairKind, { offset: number; count: number }>();
  const stack: Container[] = [];
  let root: JsonValue | undefined;
  let error: JsonIssue | null = null;
  // Widened on purpose: the helpers below change it, which narrowing cannot see.
  let expect = 'value' as Expect;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const repair = (kind: RepairKind, offset: number): void => {
    const seen = repairCounts.get(kind);
    if (seen) seen.count++;
    else repairCounts.set(kind, { offset, count: 1 });
  };

  const attach = (value: JsonValue, offset: number): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
    } else if (top.key === null) {
      (places.get(top.node)!.children as number[]).push(offset);
      top.node.push(value);
    } else {
      // Like JSON.parse, a "__proto__" key is an ordinary property, not the prototype.
      if (top.key === '__proto__') Object.defineProperty(top.node, top.key, { value, writable: true, enumerable: true, configurable: true });
      else top.node[top.key] = value;
      (places.get(top.node)!.children as Map<string, number>).set(top.key, offset);
    }
  };

  const afterValue = (): void => {
    expect = stack.length === 0 ? 'done' : 'separator';
  };

  /** Reads the string starting at the quote at `pos`; returns null when it is not closed. */
  const readString = (): string | null => {
    const first = pos + 1;
    const quote = text.indexOf('"', first);
    if (quote < 0) return null;
    // Most strings have neither escapes nor control characters: take them in one slice.
    const plain = text.slice(first, quote);
    if (!NEEDS_CARE.test(plain)) {
      pos = quote + 1;
      return plain;
    }
    let out = '';
    let chunk = (pos = first);
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(chunk, pos++);
        return out;
      }
      if (c === 0x5c) {
        out += text.slice(chunk, pos);
        const next = text[pos + 1];
        if (next === undefined) break;
        if (next === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 6;
          } else {
            repair('escape', pos);
            out += '\\u';
            pos += 2;
          }
        } else if (ESCAPES[next] !== undefined) {
          out += ESCAPES[next];
          pos += 2;
        } else {
          repair('escape', pos);
          out += '\\' + next;
          pos += 2;
        }
        chunk = pos;
        continue;
      }
      if (c < 0x20) repair('control', pos);
      pos++;
    }
    return null;
  };

  const readScalar = (): { value: JsonValue } | null => {
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text);
    if (number) {
      pos += number[0].length;
      return { value: Number(number[0]) };
    }
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return { value };
      }
    }
    NON_FINITE.lastIndex = pos;
    const nonFinite = NON_FINITE.exec(text);
    if (nonFinite) {
      repair('nonFinite', pos);
      pos += nonFinite[0].length;
      return { value: null };
    }
    return null;
  };

  const open = (node: JsonValue[] | { [key: string]: JsonValue }, isArray: boolean): void => {
    const offset = pos++;
    places.set(node, { start: offset, children: isArray ? [] : new Map() });
    attach(node, offset);
    if (isArray) {
      stack.push({ node: node as JsonValue[], key: null });
      expect = 'firstValue';
    } else {
      stack.push({ node: node as { [key: string]: JsonValue }, key: '' });
      expect = 'firstKey';
    }
  };

  const close = (bracket: string): boolean => {
    const top = stack[stack.length - 1];
    if (!top || (bracket === ']') !== (top.key === null)) return false;
    stack.pop();
    pos++;
    afterValue();
    return true;
  };

  const skipWhitespace = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      pos++;
    }
  };

  scan: while (expect !== 'done') {
    skipWhitespace();
    if (pos >= text.length) {
      const message = root === undefined ? 'the text is empty' : 'the text ends before the JSON does (truncated file?)';
      error = { offset: text.length, message };
      break;
    }
    const c = text[pos]!;
    switch (expect) {
      case 'value':
      case 'firstValue': {
        if (c === ']' && stack[stack.length - 1]?.key === null) {
          if (expect === 'value') repair('trailingComma', pos);
          close(c);
          continue;
        }
        const offset = pos;
        if (c === '{') open({}, false);
        else if (c === '[') open([], true);
        else if (c === '"') {
          const value = readString();
          if (value === null) {
            error = { offset: text.length, message: 'the text ends inside a string (truncated file?)' };
            break scan;
          }
          attach(value, offset);
          afterValue();
        } else {
          const scalar = readScalar();
          if (!scalar) {
            error = { offset, message: `${whatIsAt(text, offset)} where a value should be` };
            break scan;
          }
          attach(scalar.value, offset);
          afterValue();
        }
        break;
      }
      case 'firstKey':
      case 'key': {
        if (c === '}') {
          if (expect === 'key') repair('trailingComma', pos);
          close(c);
          continue;
        }
        if (c !== '"') {
          error = { offset: pos, message: `${whatIsAt(text, pos)} where a property name in quotes should be` };
          break scan;
        }
        const key = readString();
        if (key === null) {
          error = { offset: text.length, message: 'the text ends inside a property name (truncated file?)' };
          break scan;
        }
        skipWhitespace();
        if (text[pos] !== ':') {
          error = { offset: pos, message: `${whatIsAt(text, pos)} where ":" should follow the property name "${key}"` };
          break scan;
        }
        pos++;
        stack[stack.length - 1]!.key = key;
        expect = 'value';
        break;
      }
      case 'separator': {
        const top = stack[stack.length - 1]!;
        if (c === ',') {
          pos++;
          expect = top.key === null ? 'value' : 'key';
        } else if ((c === ']' || c === '}') && close(c)) {
          continue;
        } else {
          const wanted = top.key === null ? '"," or "]"' : '"," or "}"';
          error = { offset: pos, message: `${whatIsAt(text, pos)} where ${wanted} should be` };
          break scan;
        }
        break;
      }
    }
  }

  if (!error) {
    skipWhitespace();
    if (pos < text.length) error = { offset: pos, message: `${whatIsAt(text, pos)} after the end of the JSON` };
  }

  const repairs = [...repairCounts].map(([kind, { offset, count }]) => ({
    offset,
    message: count > 1 ? `${REPAIR_MESSAGES[kind]} (${count} places)` : REPAIR_MESSAGES[kind],
  }));
  return {
    value: root,
    repairs,
    error,
    locations: {
      start: (node) => places.get(node)?.start,
      child: (node, key) => {
        const offsets = places.get(node)?.children;
        return Array.isArray(offsets) ? offsets[Number(key)] : offsets?.get(String(key));
      },
    },
  };
}
