import sharp, { type FailOnOptions, type Metadata, type OutputInfo } from 'sharp';
import { withByteSource } from './byte-source';
import { type EndProblem, endMarkerProblem, TAIL_BYTES } from './end-marker';
import { readExif } from './exif';
import { DEFAULT_MAX_PIXELS, notAnalysed, type AnalyzeImageOptions, type ImageAnalysis } from './image-analysis';
import { type MediaProblem, mediaProblem } from './problems';
import { isRenderableImage, sniffMediaType, SNIFF_BYTES, type MediaType } from './sniff';

// libvips' operation cache pays off when one image is processed again and again; intake sees each
// file once, so the cache would only pin decoded pixels and open file handles (on Windows an open
// handle also stops the temp file from being deleted). Off keeps memory bounded per image.
sharp.cache(false);
// One libvips worker per image: screenshot-sized decodes are no faster with more (measured), and
// callers gain more by analysing a few files at once than by splitting one file across threads.
sharp.concurrency(1);

const THUMBNAIL_SIZE = 320;
const DECODE_TIMEOUT_SECONDS = 30;
const FORMAT_NAMES: Partial<Record<MediaType, string>> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
};
const NOT_KEPT = 'Kept without thumbnail or perceptual hash: a partial rendering would misrepresent the evidence.';

/**
 * Size, EXIF and thumbnail of an evidence image, never modifying the bytes (its perceptual hash,
 * PDQ, is taken beside this by intake-hashes.ts), on this thread: the media worker runs it, and
 * everyone else asks the worker (analyzeImage in media-in-worker.ts).
 * Give a file path for large files: only the header, the last few bytes and the pixel data the
 * decoder streams through are read. Anything wrong with the content is reported in `problems`;
 * only I/O errors (a missing or unreadable file) throw.
 */
export async function analyzeImageHere(
  input: Buffer | string,
  type: MediaType,
  opts: AnalyzeImageOptions = {},
): Promise<ImageAnalysis> {
  const result = notAnalysed();
  const name = FORMAT_NAMES[type];
  if (!name || !isRenderableImage(type)) {
    result.problems.push(
      mediaProblem('not-an-image-type', `Content of type ${type} is not an image this tool renders: not analysed.`, {
        type,
      }),
    );
    return result;
  }
  const { size, head, tail } = await withByteSource(input, async (source) => ({
    size: source.size,
    head: await source.read(0, SNIFF_BYTES),
    tail: await source.read(Math.max(0, source.size - TAIL_BYTES), TAIL_BYTES),
  }));
  if (size === 0) {
    result.problems.push(mediaProblem('empty', 'The file is empty (0 bytes): there is no image to analyse.'));
    return result;
  }
  const actual = sniffMediaType(head);
  if (actual !== type) {
    result.problems.push(
      actual === 'application/octet-stream'
        ? mediaProblem('type-unknown', `The bytes are not a known media type, not ${name} as declared: not rendered.`, {
            format: name,
          })
        : mediaProblem('type-mismatch', `The bytes are ${actual}, not ${name} as declared: not rendered.`, {
            format: name,
            actual,
          }),
    );
    return result;
  }

  const endProblem = endMarkerProblem(type, size, head, tail);
  let meta: Metadata;
  try {
    // header only: with no pixel operation libvips does not decode, so no pixel limit is needed here
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    const detail = messageOf(error);
    result.problems.push(
      endProblem
        ? mediaProblem(
            'header-unreadable-truncated',
            `The ${name} header could not be read (${detail}), and the file ${endProblem.text}: it is probably truncated. No size, thumbnail or perceptual hash.`,
            { format: name, detail, ...endParams(endProblem) },
          )
        : mediaProblem(
            'header-unreadable',
            `The ${name} header could not be read (${detail}). No size, thumbnail or perceptual hash.`,
            { format: name, detail },
          ),
    );
    return result;
  }
  result.width = meta.width;
  result.height = meta.height;
  const exif = await readExif(meta.exif);
  result.exif = exif.exif;
  result.capturedAt = exif.capturedAt;
  if (exif.problem) result.problems.push(exif.problem);
  if ((meta.pages ?? 1) > 1) {
    result.problems.push(
      mediaProblem(
        'animated',
        `Animated ${name} with ${meta.pages} frames: the thumbnail and perceptual hash show the first frame only.`,
        { format: name, frames: meta.pages ?? 0 },
      ),
    );
  }

  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  const pixels = meta.width * meta.height;
  if (pixels > maxPixels) {
    const params = {
      width: meta.width,
      height: meta.height,
      megapixels: megapixels(pixels),
      limit: megapixels(maxPixels),
    };
    result.problems.push(
      mediaProblem(
        'too-many-pixels',
        `Image is ${meta.width}×${meta.height} pixels (${params.megapixels} megapixels), above the ${params.limit}-megapixel safety limit: kept without thumbnail or perceptual hash.`,
        params,
      ),
    );
    return result;
  }

  const small = await decodeSmall(input, name, maxPixels, endProblem, result.problems);
  if (!small) return result;
  if (endProblem) {
    result.problems.push(
      mediaProblem(
        'end-marker',
        `The ${name} file ${endProblem.text}: the image decoded completely, but the file may be cut short or carry data appended after the image.`,
        { format: name, ...endParams(endProblem) },
      ),
    );
  }

  const raw = {
    raw: {
      width: small.info.width,
      height: small.info.height,
      channels: small.info.channels,
      premultiplied: small.info.premultiplied,
    },
  };
  if (opts.thumbnails !== false) {
    // JPEG, on white: the report PDF embeds it as it is (pdfkit takes JPEG, not WebP), so an
    // export no longer decodes and re-encodes every preview (about 5 ms each, profiled).
    result.thumbnail = await sharp(small.data, raw).flatten({ background: '#ffffff' }).jpeg({ quality: 80 }).toBuffer();
    result.thumbnailType = 'image/jpeg';
  }
  return result;
}

interface SmallImage {
  data: Buffer;
  info: OutputInfo;
}

/**
 * The one full decode here: upright, shrunk to thumbnail size, 8-bit sRGB; the thumbnail is made
 * from it.
 *
 * Damage policy. A strict decode comes first. If it fails only on data the decoder can skip
 * (a corrupt segment), a lenient retry renders what was recovered and the problem says so. If
 * data is missing (a truncated file), nothing is rendered: the decoder would paint the missing
 * rows grey, and that picture, shown in the catalog and compared by hash, would stand in for
 * evidence that does not look like that. The size still comes from the header, the original
 * bytes are kept as they are, and the problem says why, so the analyst can capture the content
 * again while it is still online.
 */
async function decodeSmall(
  input: Buffer | string,
  name: string,
  maxPixels: number,
  endProblem: EndProblem | null,
  problems: MediaProblem[],
): Promise<SmallImage | null> {
  const decode = (failOn: FailOnOptions): Promise<SmallImage> =>
    sharp(input, { limitInputPixels: maxPixels, failOn, autoOrient: true, sequentialRead: true })
      .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  try {
    return await decode('warning');
  } catch (strictError) {
    if (isTimeout(strictError)) {
      problems.push(
        mediaProblem(
          'decode-timeout',
          `Decoding the ${name} took longer than ${DECODE_TIMEOUT_SECONDS} s and was stopped: kept without thumbnail or perceptual hash.`,
          {
            format: name,
            seconds: DECODE_TIMEOUT_SECONDS,
          },
        ),
      );
      return null;
    }
    try {
      const recovered = await decode('truncated');
      const detail = messageOf(strictError);
      problems.push(
        mediaProblem(
          'decode-recovered',
          `The ${name} decoder reported damaged data (${detail}): the thumbnail and perceptual hash show what it could recover, which may differ from the original picture.`,
          { format: name, detail },
        ),
      );
      return recovered;
    } catch (error) {
      const detail = messageOf(error);
      problems.push(
        endProblem
          ? mediaProblem(
              'truncated',
              `${name} data is truncated: the file ${endProblem.text} and the decoder ran out of data (${detail}). ${NOT_KEPT}`,
              {
                format: name,
                detail,
                ...endParams(endProblem),
              },
            )
          : mediaProblem('pixel-data-damaged', `The ${name} pixel data is damaged (${detail}). ${NOT_KEPT}`, {
              format: name,
              detail,
            }),
      );
      return null;
    }
  }
}

/** The end-marker code (translated on its own, see codedText in the renderer) and its values. */
function endParams(end: EndProblem): Record<string, string | number> {
  return { end: end.end, ...end.params };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isTimeout(error: unknown): boolean {
  return /timeout/i.test(messageOf(error));
}

function megapixels(pixels: number): number {
  return Number((pixels / 1e6).toPrecision(3));
}
