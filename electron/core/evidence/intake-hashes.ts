import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isRenderableImage, type MediaType } from './media';
import { pdqOfImage, type PdqDihedralResult } from './media/pdq';

export interface IntakeHashes {
  md5: string;
  /** PDQ with its quality and the eight dihedral hashes, for a picture that decodes */
  pdq: PdqDihedralResult | null;
}

async function md5Of(input: Buffer | string): Promise<string> {
  const hash = createHash('md5');
  if (typeof input !== 'string') return hash.update(input).digest('hex');
  for await (const chunk of createReadStream(input, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The hashes lists of known material name, taken at intake once the original is safe: MD5 (some
 * lists have nothing else) and PDQ, Meta's perceptual hash. A picture that does not decode gets
 * no PDQ (its problem is reported by the image analysis).
 */
export async function intakeHashes(
  input: Buffer | string,
  mediaType: MediaType,
  analyse: boolean,
): Promise<IntakeHashes> {
  const [md5, pdq] = await Promise.all([
    md5Of(input),
    analyse && isRenderableImage(mediaType) ? pdqOfImage(input).catch(() => null) : null,
  ]);
  return { md5, pdq };
}
