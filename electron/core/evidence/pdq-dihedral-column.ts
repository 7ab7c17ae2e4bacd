import { DIHEDRAL_TRANSFORMS, type DihedralTransform } from './media/pdq/dihedral';

/** The transforms kept in `evidence.pdq_dihedral`: every one but the original, whose hash is `evidence.pdq`. */
const KEPT = DIHEDRAL_TRANSFORMS.filter((t) => t !== 'original');
const HASH_BYTES = 32;

/**
 * The hashes of a picture's rotated and mirrored copies, as its evidence row keeps them: 32 bytes
 * each, in DIHEDRAL_TRANSFORMS order after the original (224 bytes). They come from the picture's
 * DCT, not from its hash, so they are kept at intake: a hash list imported later can then match a
 * rotated or mirrored copy of an item already in the vault, as intake would have.
 */
export function packDihedral(dihedral: Record<DihedralTransform, string>): Buffer {
  return Buffer.concat(KEPT.map((t) => Buffer.from(dihedral[t], 'hex')));
}

/** The eight hashes of an item from its row; null when the row has no PDQ or none kept (an older item). */
export function unpackDihedral(
  pdq: string | null,
  packed: Uint8Array | null,
): Record<DihedralTransform, string> | null {
  if (!pdq || !packed || packed.length !== KEPT.length * HASH_BYTES) return null;
  const bytes = Buffer.from(packed.buffer, packed.byteOffset, packed.length);
  const out = { original: pdq } as Record<DihedralTransform, string>;
  KEPT.forEach((t, i) => (out[t] = bytes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES).toString('hex')));
  return out;
}
