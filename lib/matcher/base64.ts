/**
 * Base64 for typed arrays, so matcher data stays JSON-safe and compact. Multi-byte arrays
 * are stored little-endian (their in-memory layout on every platform browsers run on).
 *
 * Both directions work on bytes and let the platform convert between bytes and strings
 * (`TextDecoder`, `TextEncoder.encodeInto`: base64 is ASCII), as megabytes of it are
 * encoded on every recompile and decoded in every tab.
 */

import { runSteps, type Steps } from './slicing';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 61;
/** Digit value per byte; -1 for anything that is not a digit. */
const DECODE = new Int32Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
/** Two digits per 12 bits, as one little-endian 16-bit unit (first digit in the low byte). */
const PAIRS = new Uint16Array(4096);
for (let x = 0; x < 4096; x++) PAIRS[x] = ALPHABET.charCodeAt(x >> 6) | (ALPHABET.charCodeAt(x & 63) << 8);
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

const ascii = new TextDecoder();
const encoder = new TextEncoder();

export function encodeBytes(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  const whole = n - (n % 3);
  let o = 0;
  if (LITTLE_ENDIAN) {
    const pairs = new Uint16Array(out.buffer, 0, out.length / 2);
    for (let i = 0; i < whole; i += 3) {
      const v = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      pairs[o] = PAIRS[v >>> 12] ?? 0;
      pairs[o + 1] = PAIRS[v & 4095] ?? 0;
      o += 2;
    }
    o *= 2;
  } else {
    for (let i = 0; i < whole; i += 3) {
      const v = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      out[o] = ALPHABET.charCodeAt(v >>> 18);
      out[o + 1] = ALPHABET.charCodeAt((v >>> 12) & 63);
      out[o + 2] = ALPHABET.charCodeAt((v >>> 6) & 63);
      out[o + 3] = ALPHABET.charCodeAt(v & 63);
      o += 4;
    }
  }
  if (whole < n) {
    const two = whole + 1 < n;
    const v = ((bytes[whole] ?? 0) << 16) | (two ? (bytes[whole + 1] ?? 0) << 8 : 0);
    out[o] = ALPHABET.charCodeAt(v >>> 18);
    out[o + 1] = ALPHABET.charCodeAt((v >>> 12) & 63);
    out[o + 2] = two ? ALPHABET.charCodeAt((v >>> 6) & 63) : PAD;
    out[o + 3] = PAD;
  }
  return ascii.decode(out);
}

function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const d = c < 256 ? (DECODE[c] ?? -1) : -1;
  if (d < 0) throw new Error(`matcher data: invalid base64 character at ${i}`);
  return d;
}

/** Throws for the first code unit of `s` (before its padding) that is not a digit. */
function invalidCharacter(s: string, pad: number): never {
  for (let i = 0; i < s.length - pad; i++) digitAt(s, i);
  throw new Error('matcher data: invalid base64');
}

/** Base64 characters decoded per step (a multiple of 4). */
const DECODE_CHUNK = 1 << 16;

/**
 * Decodes `s` in steps of `DECODE_CHUNK` characters; throws a clear `Error` on anything
 * that is not canonical-length base64.
 */
export function* decodeBytesSteps(s: string): Steps<Uint8Array> {
  if (s.length % 4 !== 0) throw new Error('matcher data: base64 length is not a multiple of 4');
  let pad = 0;
  if (s.endsWith('==')) pad = 2;
  else if (s.endsWith('=')) pad = 1;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  const whole = pad > 0 ? s.length - 4 : s.length;
  const input = new Uint8Array(Math.min(whole, DECODE_CHUNK));
  let o = 0;
  for (let from = 0; from < whole; from += DECODE_CHUNK) {
    const to = Math.min(whole, from + DECODE_CHUNK);
    // Anything outside ASCII takes more than one byte, so it cannot all fit.
    if (encoder.encodeInto(s.slice(from, to), input).read !== to - from) invalidCharacter(s, pad);
    o = decodeGroups(input, to - from, out, o, s, pad);
    yield;
  }
  if (pad > 0) {
    const d2 = pad === 2 ? 0 : digitAt(s, whole + 2);
    const v = (digitAt(s, whole) << 18) | (digitAt(s, whole + 1) << 12) | (d2 << 6);
    out[o++] = (v >> 16) & 255;
    if (o < out.length) out[o] = (v >> 8) & 255;
  }
  return out;
}

/** Decodes the `length` ASCII digits in `input` (whole groups) into `out` from `o`. */
function decodeGroups(input: Uint8Array, length: number, out: Uint8Array, at: number, s: string, pad: number): number {
  let bad = 0;
  let o = at;
  for (let i = 0; i < length; i += 4) {
    const v =
      ((DECODE[input[i] ?? 0] ?? -1) << 18) |
      ((DECODE[input[i + 1] ?? 0] ?? -1) << 12) |
      ((DECODE[input[i + 2] ?? 0] ?? -1) << 6) |
      (DECODE[input[i + 3] ?? 0] ?? -1);
    // A -1 digit makes the whole group negative.
    bad |= v;
    out[o] = v >> 16;
    out[o + 1] = v >> 8;
    out[o + 2] = v;
    o += 3;
  }
  if (bad < 0) invalidCharacter(s, pad);
  return o;
}

export function decodeBytes(s: string): Uint8Array {
  return runSteps(decodeBytesSteps(s));
}

export function encodeInt32(a: Int32Array): string {
  return encodeBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

export function encodeUint16(a: Uint16Array): string {
  return encodeBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

/** Decodes little-endian Int32s, in steps. */
export function* decodeInt32Steps(s: string, what: string): Steps<Int32Array> {
  const bytes = yield* decodeBytesSteps(s);
  if (bytes.length % 4 !== 0) throw new Error(`matcher data: ${what} is not a whole number of int32s`);
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

/** Decodes little-endian Uint16s, in steps. */
export function* decodeUint16Steps(s: string, what: string): Steps<Uint16Array> {
  const bytes = yield* decodeBytesSteps(s);
  if (bytes.length % 2 !== 0) throw new Error(`matcher data: ${what} is not a whole number of uint16s`);
  return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
}
