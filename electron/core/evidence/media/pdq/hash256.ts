import { JejakError } from '../../../errors';

/**
 * A PDQ hash: 256 bits in sixteen 16-bit words, as Meta's reference stores it. Bit k (the k-th
 * DCT coefficient in row-major order, k = 16·row + column) is bit k % 16 of word ⌊k / 16⌋.
 * The hex form is the reference's: word 15 first, four lower-case hex digits per word, so the
 * string is the 256-bit number written big-endian.
 */
export type Hash256 = Uint16Array;

export const PDQ_BITS = 256;
export const PDQ_WORDS = 16;
const HEX_PATTERN = /^[0-9a-f]{64}$/i;

export function emptyHash(): Hash256 {
  return new Uint16Array(PDQ_WORDS);
}

export function setBit(hash: Hash256, k: number): void {
  hash[k >> 4]! |= 1 << (k & 15);
}

export function pdqHex(hash: Hash256): string {
  let hex = '';
  for (let w = PDQ_WORDS - 1; w >= 0; w--) hex += hash[w]!.toString(16).padStart(4, '0');
  return hex;
}

export function isPdqHex(value: string): boolean {
  return HEX_PATTERN.test(value);
}

// value of each hex digit by character code, -1 for anything else
const NIBBLES = Int8Array.from({ length: 128 }, (_, code) => {
  const digit = parseInt(String.fromCharCode(code), 16);
  return Number.isNaN(digit) ? -1 : digit;
});

/**
 * Parses the 64-digit hex form; anything else is INVALID_INPUT (hash lists come from outside).
 * A loop over character codes: a vault or a hash list parses a million of these at a time.
 */
export function parsePdqHex(hex: string): Hash256 {
  const invalid = () =>
    new JejakError('INVALID_INPUT', `A PDQ hash is 64 hexadecimal digits; got ${JSON.stringify(hex.slice(0, 80))}.`);
  if (hex.length !== 4 * PDQ_WORDS) throw invalid();
  const hash = emptyHash();
  for (let w = 0; w < PDQ_WORDS; w++) {
    let value = 0;
    for (let c = 4 * w; c < 4 * w + 4; c++) {
      const nibble = NIBBLES[hex.charCodeAt(c)] ?? -1;
      if (nibble < 0) throw invalid();
      value = (value << 4) | nibble;
    }
    hash[PDQ_WORDS - 1 - w] = value;
  }
  return hash;
}

/** Bits set in a 32-bit value (SWAR; JavaScript has no popcount instruction). */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Hamming distance between two PDQ hashes (hex strings or parsed), 0…256. */
export function pdqDistance(a: Hash256 | string, b: Hash256 | string): number {
  const x = typeof a === 'string' ? parsePdqHex(a) : a;
  const y = typeof b === 'string' ? parsePdqHex(b) : b;
  let distance = 0;
  for (let w = 0; w < PDQ_WORDS; w += 2) distance += popcount32((x[w]! ^ y[w]!) | ((x[w + 1]! ^ y[w + 1]!) << 16));
  return distance;
}

/** 32-bit words per hash in the packed form indexes use: a distance is 8 popcounts, not 16. */
export const PACKED_WORDS = PDQ_WORDS / 2;

/** Writes `hash` packed (word 2w in the low half of 32-bit word w) into `target` from `at`. */
export function packHash(hash: Hash256, target: Uint32Array, at: number): void {
  for (let w = 0; w < PACKED_WORDS; w++) target[at + w] = (hash[2 * w]! | (hash[2 * w + 1]! << 16)) >>> 0;
}

/**
 * Distance between the packed hash at `words[at…]` and the packed `query`; stops counting once
 * past `limit` (most stored hashes are far from any query), so then only "above limit" is exact.
 */
export function packedDistance(words: Uint32Array, at: number, query: Uint32Array, limit: number): number {
  let d = 0;
  for (let w = 0; w < PACKED_WORDS && d <= limit; w++) d += popcount32(words[at + w]! ^ query[w]!);
  return d;
}
