import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeHeaders, resolveRange } from '../../../src/shared/http-range';

describe('resolveRange', () => {
  const size = 1000;

  it('serves the whole body without a Range header', () => {
    expect(resolveRange(undefined, size)).toEqual({ status: 200, start: 0, end: 999, length: 1000 });
    expect(resolveRange('', size).status).toBe(200);
  });

  it('serves a-b, a- and -n', () => {
    expect(resolveRange('bytes=0-99', size)).toEqual({ status: 206, start: 0, end: 99, length: 100 });
    expect(resolveRange('bytes=900-', size)).toEqual({ status: 206, start: 900, end: 999, length: 100 });
    expect(resolveRange('bytes=-100', size)).toEqual({ status: 206, start: 900, end: 999, length: 100 });
    expect(resolveRange('bytes=-5000', size)).toEqual({ status: 206, start: 0, end: 999, length: 1000 });
  });

  it('clamps an end past the body', () => {
    expect(resolveRange('bytes=990-5000', size)).toEqual({ status: 206, start: 990, end: 999, length: 10 });
  });

  it('answers 416 when the range starts past the end', () => {
    expect(resolveRange('bytes=1000-', size)).toEqual({ status: 416 });
    expect(resolveRange('bytes=5000-6000', size)).toEqual({ status: 416 });
    expect(resolveRange('bytes=-0', size)).toEqual({ status: 416 });
    expect(resolveRange('bytes=0-', 0)).toEqual({ status: 416 });
  });

  it('ignores invalid and multi-range headers (whole body)', () => {
    for (const header of ['bytes=5-1', 'items=0-1', 'bytes=a-b', 'bytes=0-1,5-6', 'bytes=-', 'bytes 0-1']) {
      expect(resolveRange(header, size).status, header).toBe(200);
    }
  });

  it('always answers within the body', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.option(fc.nat(20_000)), fc.option(fc.nat(20_000)), (bodySize, a, b) => {
        const header = `bytes=${a ?? ''}-${b ?? ''}`;
        const answer = resolveRange(header, bodySize);
        if (answer.status !== 416) {
          expect(answer.start).toBeGreaterThanOrEqual(0);
          expect(answer.length).toBe(answer.end - answer.start + 1);
          if (bodySize > 0) expect(answer.end).toBeLessThan(bodySize);
        }
      }),
    );
  });
});

describe('rangeHeaders', () => {
  it('describes partial, whole and unsatisfiable answers', () => {
    expect(rangeHeaders({ status: 206, start: 10, end: 19, length: 10 }, 100, 'audio/ogg')).toEqual({
      'Accept-Ranges': 'bytes',
      'Content-Type': 'audio/ogg',
      'Content-Length': '10',
      'Content-Range': 'bytes 10-19/100',
    });
    expect(rangeHeaders({ status: 200, start: 0, end: 99, length: 100 }, 100, 'audio/ogg')['Content-Range']).toBeUndefined();
    expect(rangeHeaders({ status: 416 }, 100, 'audio/ogg')['Content-Range']).toBe('bytes */100');
  });
});
