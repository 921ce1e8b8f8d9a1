import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkArguments, checks } from '../../../src/shared/validate';
import { decodeBase64, encodeBase64, fromWireJson, toWireJson } from '../../../src/shared/wire';

describe('wire JSON', () => {
  it('matches Node’s base64 both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = encodeBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        expect(Array.from(decodeBase64(encoded))).toEqual(Array.from(bytes));
      }),
    );
  });

  it('carries Uint8Array and Int8Array inside JSON', () => {
    const value = { args: ['name', new Uint8Array([0, 255, 7])], peaks: new Int8Array([-127, 0, 127]) };
    const back = fromWireJson(toWireJson(value)) as typeof value;
    expect(back.args[1]).toBeInstanceOf(Uint8Array);
    expect(Array.from(back.args[1] as Uint8Array)).toEqual([0, 255, 7]);
    expect(back.peaks).toBeInstanceOf(Int8Array);
    expect(Array.from(back.peaks)).toEqual([-127, 0, 127]);
  });

  it('rejects malformed base64', () => {
    expect(() => decodeBase64('ab$d')).toThrow(/Invalid base64/);
  });
});

describe('argument checks', () => {
  it('accepts matching arguments and names the first wrong one', () => {
    const specs = [checks.token(), checks.string(0, 5)];
    expect(checkArguments(specs, ['abcdefgh12', 'ok'])).toBeNull();
    expect(checkArguments(specs, ['../etc/passwd', 'ok'])).toBe('argument 1 must be an identifier');
    expect(checkArguments(specs, ['abcdefgh12', 'too long'])).toBe('argument 2 must have at most 5 characters');
    expect(checkArguments(specs, ['abcdefgh12'])).toBe('expected 2 argument(s), got 1');
    expect(checks.string(0, 10)('a\0b')).toMatch(/NUL/);
    expect(checks.bytes(2)(new Uint8Array(3))).toMatch(/at most 2 bytes/);
    expect(checks.bytes(2)('xx')).toBe('must be bytes');
  });
});
