/**
 * HTTP Range (RFC 9110 §14) for serving media, as a pure function shared by the
 * Electron media scheme and the browser host. Media elements seek with
 * `Range: bytes=N-`; answering anything but a correct 206 makes seeking snap back to 0.
 *
 * Policy: one satisfiable byte range is served as 206; a syntactically invalid header or
 * a multi-range request is ignored (200 with the whole body, which the RFC allows);
 * a valid range starting past the end is 416.
 */

export type RangeAnswer =
  | { status: 200; start: number; end: number; length: number }
  | { status: 206; start: number; end: number; length: number }
  | { status: 416 };

const SINGLE_RANGE = /^bytes[ \t]*=[ \t]*(\d*)[ \t]*-[ \t]*(\d*)[ \t]*$/i;

/** Decides what part of a `size`-byte body to send for a Range header value. */
export function resolveRange(header: string | null | undefined, size: number): RangeAnswer {
  const whole: RangeAnswer = { status: 200, start: 0, end: size - 1, length: size };
  if (header === null || header === undefined || header.trim() === '') return whole;
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return whole;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return whole;

  let start: number;
  let end: number;
  if (first === '') {
    // Suffix range: the last N bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { status: 416 };
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(first);
    end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
    if (last !== '' && Number(last) < start) return whole;
    if (start >= size) return { status: 416 };
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return whole;
  return { status: 206, start, end, length: end - start + 1 };
}

/** Response headers for a range answer. */
export function rangeHeaders(answer: RangeAnswer, size: number, contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Ranges': 'bytes', 'Content-Type': contentType };
  if (answer.status === 416) {
    headers['Content-Range'] = `bytes */${size}`;
    headers['Content-Length'] = '0';
    return headers;
  }
  headers['Content-Length'] = String(answer.length);
  if (answer.status === 206) headers['Content-Range'] = `bytes ${answer.start}-${answer.end}/${size}`;
  return headers;
}
