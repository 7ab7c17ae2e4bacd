import { createHash } from 'node:crypto';
import { isRenderableImage, pdqOfImage, type MediaType } from './media';
import type { PdqDihedralResult } from './media/pdq';

export interface IntakeHashes {
  /** null when the background queue works it out (a file too large to hold, or a batch no list needs it in now) */
  md5: string | null;
  /** PDQ with its quality and the eight dihedral hashes, for a picture that decodes */
  pdq: PdqDihedralResult | null;
}

/**
 * The hashes lists of known material name, taken at intake once the original is safe: MD5 (some
 * lists have nothing else) and PDQ, Meta's perceptual hash. A picture that does not decode gets
 * no PDQ (its problem is reported by the image analysis). `known`: the MD5 worked out already, or
 * null to leave it to the background queue; undefined works it out here.
 */
export async function intakeHashes(
  input: Buffer | string,
  mediaType: MediaType,
  analyse: boolean,
  known?: string | null,
): Promise<IntakeHashes> {
  const md5 =
    known !== undefined ? known : typeof input === 'string' ? null : createHash('md5').update(input).digest('hex');
  const pdq = analyse && isRenderableImage(mediaType) ? await pdqOfImage(input).catch(() => null) : null;
  return { md5, pdq };
}
