import { dct64To16, PDQ_DCT_SIZE } from './dct';
import { DIHEDRAL_TRANSFORMS, transformDct, type DihedralTransform } from './dihedral';
import { emptyHash, pdqHex, setBit, type Hash256 } from './hash256';
import { decimate, jaroszFilter } from './jarosz';
import { pdqQuality } from './quality';

/** Below this many pixels on a side the reference gives an all-zero hash of quality 0. */
export const PDQ_MIN_DIMENSION = 5;
/** Meta's advice (pdq/README.md): discard hashes of quality 49 or less when matching. */
export const PDQ_MIN_QUALITY = 50;
/** Meta's advice for "similar": distance 31 or less (of 256 bits). */
export const PDQ_MATCH_DISTANCE = 31;

// ITU-R BT.601 luma, the reference's weights, as the 32-bit floats it stores them in
const LUMA_R = Math.fround(0.299);
const LUMA_G = Math.fround(0.587);
const LUMA_B = Math.fround(0.114);
const f32 = Math.fround;

export interface PdqResult {
  /** 64 hex digits, Meta's format */
  hash: string;
  /** 0…100; below PDQ_MIN_QUALITY the picture is too flat for its hash to mean much */
  quality: number;
}

export interface PdqDihedralResult extends PdqResult {
  /** the hash of each rotated or mirrored copy of the picture; `original` equals `hash` */
  dihedral: Record<DihedralTransform, string>;
}

/** Luma of interleaved 8-bit pixels whose first three channels are R, G, B (alpha is ignored). */
export function lumaFromRgb(pixels: Uint8Array, width: number, height: number, channels: number): Float32Array {
  if (channels < 3) throw new Error(`lumaFromRgb needs RGB pixels, got ${channels} channel(s)`);
  if (pixels.length < width * height * channels) throw new Error('lumaFromRgb: fewer pixels than width × height');
  const luma = new Float32Array(width * height);
  for (let p = 0, at = 0; p < luma.length; p++, at += channels) {
    luma[p] = f32(f32(LUMA_R * pixels[at]!) + f32(LUMA_G * pixels[at + 1]!)) + f32(LUMA_B * pixels[at + 2]!);
  }
  return luma;
}

/**
 * The 16×16 DCT and the quality of a luma plane (rows × cols, row-major; overwritten), or null
 * when a side is under PDQ_MIN_DIMENSION pixels.
 */
function dctOfLuma(luma: Float32Array, rows: number, cols: number): { dct: Float32Array; quality: number } | null {
  if (rows < PDQ_MIN_DIMENSION || cols < PDQ_MIN_DIMENSION) return null;
  // a 64×64 plane passes through unchanged (windows of 1, one sample per pixel), as in the reference
  jaroszFilter(luma, new Float32Array(luma.length), rows, cols);
  const grid = decimate(luma, rows, cols);
  return { dct: dct64To16(grid), quality: pdqQuality(grid) };
}

/**
 * One bit per coefficient: above the median of the 256 or not. The median is the lower one
 * (the 128th smallest), which is what the reference's Torben selection returns, so exactly
 * 128 bits are set when no coefficients tie.
 */
function bitsAboveMedian(dct: Float32Array): Hash256 {
  const median = dct.slice().sort()[(PDQ_DCT_SIZE * PDQ_DCT_SIZE) / 2 - 1]!;
  const hash = emptyHash();
  for (let k = 0; k < dct.length; k++) if (dct[k]! > median) setBit(hash, k);
  return hash;
}

const ZERO_HASH = pdqHex(emptyHash());

/** PDQ of a luma plane (overwritten: blurred in place) and of its seven rotations and mirrors, from one DCT. */
export function pdqDihedralFromLuma(luma: Float32Array, rows: number, cols: number): PdqDihedralResult {
  const transformed = dctOfLuma(luma, rows, cols);
  const dihedral = {} as Record<DihedralTransform, string>;
  for (const transform of DIHEDRAL_TRANSFORMS) {
    dihedral[transform] = transformed ? pdqHex(bitsAboveMedian(transformDct(transformed.dct, transform))) : ZERO_HASH;
  }
  return { hash: dihedral.original, quality: transformed?.quality ?? 0, dihedral };
}
