/**
 * JSON with binary payloads, for the browser host's HTTP transport. IPC carries typed
 * arrays natively; over HTTP a `Uint8Array` or `Int8Array` travels as
 * `{"$bytes": "<base64>", "type": "Uint8Array"}`.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    chunk +=
      ALPHABET[a >> 2]! +
      ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]! +
      (b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!) +
      (c === undefined ? '=' : ALPHABET[c & 63]!);
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

export function decodeBase64(text: string): Uint8Array {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 61 /* = */) length--;
  if (length % 4 === 1) throw new Error('Invalid base64 length');
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? LOOKUP[code]! : -1;
    if (value < 0) throw new Error('Invalid base64 character');
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

type BinaryType = 'Uint8Array' | 'Int8Array';

export function toWireJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return { $bytes: encodeBase64(v), type: 'Uint8Array' satisfies BinaryType };
    if (v instanceof Int8Array) {
      return {
        $bytes: encodeBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)),
        type: 'Int8Array' satisfies BinaryType,
      };
    }
    return v;
  });
}

export function fromWireJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && typeof (v as { $bytes?: unknown }).$bytes === 'string') {
      const { $bytes, type } = v as { $bytes: string; type?: unknown };
      const bytes = decodeBase64($bytes);
      if (type === 'Int8Array') return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return bytes;
    }
    return v;
  });
}
