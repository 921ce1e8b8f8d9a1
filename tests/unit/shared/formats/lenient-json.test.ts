import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJson, scanJson } from '../../../../src/shared/formats/lenient-json';

describe('scanJson', () => {
  it('reads valid JSON exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? '\t' : undefined);
        const scanned = scanJson(text);
        expect(scanned.error).toBeNull();
        expect(scanned.repairs).toEqual([]);
        expect(scanned.value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('records where objects and their children start', () => {
    const text = '{\n  "a": [1, {"b": true}],\n  "c": "x"\n}';
    const { value, locations } = scanJson(text);
    const root = value as { a: [number, object]; c: string };
    expect(locations.start(root)).toBe(0);
    expect(text.slice(locations.child(root, 'c'))).toMatch(/^"x"/);
    expect(text.slice(locations.child(root.a, 1))).toMatch(/^\{"b"/);
    expect(text.slice(locations.start(root.a[1]))).toMatch(/^\{"b"/);
  });

  it('repairs raw control characters, invalid escapes, non-finite numbers and trailing commas, once per kind', () => {
    const text = '{"a": "tab\there\nand line", "b": "C:\\Users\\x", "c": [NaN, -Infinity, nan, -nan, inf,], "d": 1,}';
    const { value, repairs, error } = scanJson(text);
    expect(error).toBeNull();
    expect(value).toEqual({ a: 'tab\there\nand line', b: 'C:\\Users\\x', c: [null, null, null, null, null], d: 1 });
    expect(repairs.map((r) => [r.offset, r.message])).toEqual([
      [text.indexOf('\t'), expect.stringMatching(/control characters.*\(2 places\)/)],
      [text.indexOf('\\U'), expect.stringMatching(/invalid backslash escapes.*\(2 places\)/)],
      [text.indexOf('NaN'), expect.stringMatching(/non-finite.*\(5 places\)/)],
      [text.indexOf(',]') + 1, expect.stringMatching(/trailing commas.*\(2 places\)/)],
    ]);
  });

  it('keeps what was read before a truncation or a syntax error', () => {
    const truncated = scanJson('{"segments": [{"start": 1}, {"start": 2, "te');
    expect(truncated.value).toEqual({ segments: [{ start: 1 }, { start: 2 }] });
    expect(truncated.error).toEqual({ offset: 44, message: expect.stringMatching(/ends inside a property name/) });

    const garbage = scanJson('[1, 2 3]');
    expect(garbage.value).toEqual([1, 2]);
    expect(garbage.error).toEqual({ offset: 6, message: 'unexpected "3" where "," or "]" should be' });

    expect(scanJson('').error?.message).toBe('the text is empty');
    expect(scanJson('{} x').error).toEqual({ offset: 3, message: 'unexpected "x" after the end of the JSON' });
  });

  it('keeps "__proto__" an ordinary property, as JSON.parse does', () => {
    const { value } = scanJson('{"__proto__": {"polluted": true}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives deep nesting without recursion', () => {
    const { error } = scanJson('['.repeat(200_000));
    expect(error?.message).toMatch(/truncated/);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void readJson(text)));
    const fragment = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'NaN', '-', '1e5', 'nul', ' ', '\n', '"a"');
    fc.assert(fc.property(fc.array(fragment, { maxLength: 60 }), (parts) => void readJson(parts.join(''))));
  });
});
