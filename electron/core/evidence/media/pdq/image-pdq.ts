import sharp from 'sharp';
import { JejakError } from '../../../errors';
import { DEFAULT_MAX_PIXELS } from '../image-analysis';
import { lumaFromRgb, pdqDihedralFromLuma, type PdqDihedralResult } from './hasher';

/**
 * Above this size on either side the reference tools shrink the picture before hashing: the blur
 * is costly on large pictures and the 64×64 grid hardly sees the difference. Meta's Python tool
 * keeps the aspect ratio (`img.thumbnail((512, 512))`), its C++ tool squashes to 512×512 with
 * nearest-neighbour sampling (pdqio.cpp). Kept in proportion, Meta's 1600×1004 bridges hash 0 and
 * 2 bits from their expected hashes; squashed, 10 and 10; unshrunk, 6 and 10.
 */
export const PDQ_DOWNSAMPLE_DIMENSION = 512;
const DECODE_TIMEOUT_SECONDS = 30;

export interface RgbPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

export interface PdqDecodeOptions {
  /** header pixel count above which nothing is decoded; default the app's 100-megapixel limit */
  maxPixels?: number;
}

/**
 * The pixels PDQ hashes: 8-bit sRGB, alpha dropped (not composited: the reference reads only the
 * colour channels), first frame only, shrunk to fit 512×512 when larger, and NOT turned upright
 * by the EXIF orientation. The reference hashes the stored pixels; a picture saved sideways with
 * an orientation tag matches its upright copy through the dihedral hashes instead.
 * A picture over `maxPixels` is refused from its header, before any pixel is decoded; one the
 * decoder warns about (cut short, damaged) gets no hash rather than the hash of a partial rendering.
 */
export async function decodeForPdq(input: Buffer | string, opts: PdqDecodeOptions = {}): Promise<RgbPixels> {
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  try {
    const { data, info } = await sharp(input, {
      limitInputPixels: maxPixels,
      failOn: 'warning',
      autoOrient: false,
      sequentialRead: true,
    })
      .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
      .resize(PDQ_DOWNSAMPLE_DIMENSION, PDQ_DOWNSAMPLE_DIMENSION, { fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) {
      throw new JejakError(
        'INVALID_INPUT',
        `The image is larger than the ${maxPixels.toLocaleString('en')}-pixel safety limit: no PDQ hash.`,
      );
    }
    throw new JejakError('UNREADABLE', `The image could not be decoded for its PDQ hash (${message}).`);
  }
}

/** PDQ of decoded pixels (interleaved 8-bit, R G B first); the caller shrinks large pictures. */
export function pdqOfPixels({ data, width, height, channels }: RgbPixels): PdqDihedralResult {
  return pdqDihedralFromLuma(lumaFromRgb(data, width, height, channels), height, width);
}
