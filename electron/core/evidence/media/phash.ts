/**
 * DCT perceptual hash (the pHash construction): a 32×32 greyscale image, its 2-D DCT, the 8×8
 * lowest frequencies, one bit per coefficient above their median. Resizing and recompression move
 * few bits; a different layout moves many.
 */
export const PHASH_INPUT_SIZE = 32;
const LOW = 8;

// Calibrated on generated chat screenshots (tests/core/evidence/media/phash.test.ts): the same shot
// resized to 50% or 25% and recompressed as JPEG or WebP is 0-2 bits away, a 40-pixel crop 2-8,
// different conversations in the same app layout 16 or more (median 26).
export const NEAR_DUPLICATE_DISTANCE = 8;

const N = PHASH_INPUT_SIZE;
// COS[u * N + x] = cos((2x + 1)uπ / 2N), only for the 8 frequencies that are kept
const COS = Float64Array.from({ length: LOW * N }, (_, i) =>
  Math.cos(((2 * (i % N) + 1) * Math.floor(i / N) * Math.PI) / (2 * N)),
);

/** `grey` is 32×32 one-byte pixels, row by row. */
export function perceptualHash(grey: Uint8Array): string {
  if (grey.length !== N * N) throw new Error(`perceptualHash needs ${N * N} greyscale pixels, got ${grey.length}`);
  // separable DCT: along each row for the kept frequencies, then down the columns of that 32×8 strip
  const rows = new Float64Array(N * LOW);
  for (let y = 0; y < N; y++) {
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      for (let x = 0; x < N; x++) sum += grey[y * N + x]! * COS[u * N + x]!;
      rows[y * LOW + u] = sum;
    }
  }
  const coefficients = new Float64Array(LOW * LOW);
  for (let v = 0; v < LOW; v++) {
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      for (let y = 0; y < N; y++) sum += rows[y * LOW + u]! * COS[v * N + y]!;
      coefficients[v * LOW + u] = sum;
    }
  }
  const sorted = coefficients.slice().sort();
  const median = (sorted[31]! + sorted[32]!) / 2;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) value = (value << 1) | (coefficients[nibble * 4 + bit]! > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

const HASH_PATTERN = /^[0-9a-f]{16}$/i;

export function phashDistance(a: string, b: string): number {
  if (!HASH_PATTERN.test(a) || !HASH_PATTERN.test(b)) throw new Error('phashDistance expects two 16-digit hex hashes');
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff > 0n) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}
