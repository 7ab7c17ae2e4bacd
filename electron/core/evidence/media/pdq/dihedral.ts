import { PDQ_DCT_SIZE } from './dct';

/**
 * The eight rotations and mirrors of a picture, read off its DCT without hashing the picture
 * again (Meta's reference, pdqhashing.cpp dct16OriginalTo…). Mirroring a picture negates its odd
 * frequencies along that axis (the even indices here, which hold frequencies 1, 3, 5…); a quarter
 * turn also swaps the axes (a transpose). Names and order are the reference's: rotate90 is a
 * quarter turn counter-clockwise, flipX turns the picture upside down, flipY mirrors left to
 * right, flipPlus1 mirrors about the main diagonal (a transpose), flipMinus1 about the other.
 * Mirrors map sampling points of the 64×64 grid near, not onto, each other, so a rotated copy
 * hashes a few bits (measured: up to about 18) from the transformed hash, as in the reference.
 */
export const DIHEDRAL_TRANSFORMS = [
  'original',
  'rotate90',
  'rotate180',
  'rotate270',
  'flipX',
  'flipY',
  'flipPlus1',
  'flipMinus1',
] as const;
export type DihedralTransform = (typeof DIHEDRAL_TRANSFORMS)[number];

interface Recipe {
  transpose: boolean;
  /** negate where the row index i (frequency i+1) is even */
  negateEvenRows: boolean;
  /** negate where the column index j is even */
  negateEvenCols: boolean;
}

const RECIPES: Record<DihedralTransform, Recipe> = {
  original: { transpose: false, negateEvenRows: false, negateEvenCols: false },
  rotate90: { transpose: true, negateEvenRows: false, negateEvenCols: true },
  rotate180: { transpose: false, negateEvenRows: true, negateEvenCols: true },
  rotate270: { transpose: true, negateEvenRows: true, negateEvenCols: false },
  flipX: { transpose: false, negateEvenRows: true, negateEvenCols: false },
  flipY: { transpose: false, negateEvenRows: false, negateEvenCols: true },
  flipPlus1: { transpose: true, negateEvenRows: false, negateEvenCols: false },
  flipMinus1: { transpose: true, negateEvenRows: true, negateEvenCols: true },
};

/** The 16×16 DCT of the transformed picture, from the DCT of the original. */
export function transformDct(dct: Float32Array, transform: DihedralTransform): Float32Array {
  const { transpose, negateEvenRows, negateEvenCols } = RECIPES[transform];
  const k = PDQ_DCT_SIZE;
  const out = new Float32Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const negate = (negateEvenRows && i % 2 === 0) !== (negateEvenCols && j % 2 === 0);
      const value = negate ? -dct[i * k + j]! : dct[i * k + j]!;
      out[transpose ? j * k + i : i * k + j] = value;
    }
  }
  return out;
}
