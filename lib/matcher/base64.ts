/**
 * Base64 for typed arrays, so matcher data stays JSON-safe and compact. Multi-byte arrays
 * are stored little-endian (their in-memory layout on every platform browsers run on).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

function byteAt(bytes: Uint8Array, i: number): number {
  return i < bytes.length ? (bytes[i] ?? 0) : 0;
}

export function encodeBytes(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (byteAt(bytes, i) << 16) | (byteAt(bytes, i + 1) << 8) | byteAt(bytes, i + 2);
    chunk.push(
      ALPHABET.charCodeAt((n >> 18) & 63),
      ALPHABET.charCodeAt((n >> 12) & 63),
      i + 1 < bytes.length ? ALPHABET.charCodeAt((n >> 6) & 63) : 61,
      i + 2 < bytes.length ? ALPHABET.charCodeAt(n & 63) : 61,
    );
    if (chunk.length >= 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk.length = 0;
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const d = c < 128 ? (DECODE[c] ?? -1) : -1;
  if (d < 0) throw new Error(`matcher data: invalid base64 character at ${i}`);
  return d;
}

export function decodeBytes(s: string): Uint8Array {
  if (s.length % 4 !== 0) throw new Error('matcher data: base64 length is not a multiple of 4');
  let pad = 0;
  if (s.endsWith('==')) pad = 2;
  else if (s.endsWith('=')) pad = 1;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const last = i + 4 === s.length;
    const d2 = last && pad === 2 ? 0 : digit(s, i + 2);
    const d3 = last && pad >= 1 ? 0 : digit(s, i + 3);
    const n = (digit(s, i) << 18) | (digit(s, i + 1) << 12) | (d2 << 6) | d3;
    out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

export function encodeInt32(a: Int32Array): string {
  return encodeBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

export function encodeUint16(a: Uint16Array): string {
  return encodeBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

export function decodeInt32(s: string, what: string): Int32Array {
  const bytes = decodeBytes(s);
  if (bytes.length % 4 !== 0) throw new Error(`matcher data: ${what} is not a whole number of int32s`);
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

export function decodeUint16(s: string, what: string): Uint16Array {
  const bytes = decodeBytes(s);
  if (bytes.length % 2 !== 0) throw new Error(`matcher data: ${what} is not a whole number of uint16s`);
  return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
}
