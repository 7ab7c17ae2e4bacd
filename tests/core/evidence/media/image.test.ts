import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeImage, SNIFF_BYTES, sniffMediaType } from '../../../../electron/core/evidence/media';
import { countingBytesRead } from '../../../fixtures/bytes-read';
import { screenshot } from './fixtures';

/** The English sentences of the problems found (each also has a code and values for translation). */
const texts = (problems: Array<{ message: string }>) => problems.map((p) => p.message);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jejak-media-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sniffFile(path: string) {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return sniffMediaType(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

async function pixel(image: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

const solid = (colour: string, width = 120, height = 80) =>
  sharp({ create: { width, height, channels: 3, background: colour } });

describe('analyzeImage on intact images', () => {
  it('makes a JPEG thumbnail of at most 320 px without metadata, and no pHash any more', async () => {
    const png = await (await screenshot(3, { width: 1080, height: 2340 })).png().toBuffer();
    const result = await analyzeImage(png, 'image/png');
    expect(result).toMatchObject({
      width: 1080,
      height: 2340,
      exif: null,
      capturedAt: null,
      thumbnailType: 'image/jpeg',
      problems: [],
    });
    expect(result).not.toHaveProperty('phash'); // PDQ, taken beside this, replaced it
    const thumb = await sharp(result.thumbnail!).metadata();
    expect(sniffMediaType(result.thumbnail!)).toBe('image/jpeg');
    expect([thumb.width, thumb.height]).toEqual([148, 320]);
    expect(thumb.exif).toBeUndefined();
    expect(thumb.icc).toBeUndefined();
  });

  it('does not enlarge small images', async () => {
    const result = await analyzeImage(await solid('#0a0', 100, 50).png().toBuffer(), 'image/png');
    const thumb = await sharp(result.thumbnail!).metadata();
    expect([thumb.width, thumb.height]).toEqual([100, 50]);
  });

  it('applies EXIF orientation to the thumbnail but reports the stored pixel size', async () => {
    // left half red, right half blue; orientation 6 means "rotate 90° clockwise to display"
    const halves = await solid('#f00', 200, 100)
      .composite([{ input: await solid('#00f', 100, 100).png().toBuffer(), left: 100, top: 0 }])
      .png()
      .toBuffer();
    const jpeg = await sharp(halves).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const result = await analyzeImage(jpeg, 'image/jpeg');
    expect([result.width, result.height]).toEqual([200, 100]);
    expect(result.exif?.Orientation).toBe(6);
    const thumb = await sharp(result.thumbnail!).metadata();
    expect([thumb.width, thumb.height]).toEqual([100, 200]);
    expect(thumb.orientation).toBeUndefined();
    const [r, , b] = await pixel(result.thumbnail!, 50, 20);
    expect(r).toBeGreaterThan(200);
    expect(b).toBeLessThan(60);
  });

  it.each(['gif', 'webp'] as const)('thumbnails the first frame of an animated %s and says so', async (format) => {
    const frames = await Promise.all(['#f00', '#0f0', '#00f'].map((colour) => solid(colour).png().toBuffer()));
    const animated = await sharp(frames, { join: { animated: true } })
      .toFormat(format)
      .toBuffer();
    const type = format === 'gif' ? 'image/gif' : 'image/webp';
    const result = await analyzeImage(animated, type);
    expect([result.width, result.height]).toEqual([120, 80]);
    expect(texts(result.problems)).toEqual([
      `Animated ${format === 'gif' ? 'GIF' : 'WebP'} with 3 frames: the thumbnail and perceptual hash show the first frame only.`,
    ]);
    const [r, g, b] = await pixel(result.thumbnail!, 60, 40);
    expect(r).toBeGreaterThan(200);
    expect(g + b).toBeLessThan(80);
  });

  it('handles 16-bit, greyscale and transparent PNGs', async () => {
    const inputs = [
      await solid('#808080').png({ compressionLevel: 1 }).toColourspace('rgb16').toBuffer(),
      await solid('#808080').greyscale().png().toBuffer(),
      await sharp({ create: { width: 60, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
        .png()
        .toBuffer(),
    ];
    for (const input of inputs) {
      const result = await analyzeImage(input, 'image/png');
      expect(texts(result.problems)).toEqual([]);
      expect(result.thumbnail).not.toBeNull();
    }
    // transparent areas show as white paper (the thumbnail is a JPEG), not black
    const clear = await analyzeImage(inputs[2]!, 'image/png');
    expect(Math.min(...(await pixel(clear.thumbnail!, 30, 20)))).toBeGreaterThan(245);
  });

  it('skips the thumbnail when thumbnails are off', async () => {
    const result = await analyzeImage(await solid('#123').jpeg().toBuffer(), 'image/jpeg', { thumbnails: false });
    expect(result.thumbnail).toBeNull();
    expect(result.thumbnailType).toBeNull();
    expect([result.width, result.height]).toEqual([120, 80]);
  });

  it('reads from a file path and gives the same answer as from memory', async () => {
    const jpeg = await (await screenshot(5)).jpeg({ quality: 80 }).toBuffer();
    const path = join(dir, 'shot.jpg');
    await writeFile(path, jpeg);
    const fromPath = await analyzeImage(path, 'image/jpeg');
    const fromBuffer = await analyzeImage(jpeg, 'image/jpeg');
    expect([fromPath.width, fromPath.height]).toEqual([fromBuffer.width, fromBuffer.height]);
    expect(fromPath.thumbnail?.equals(fromBuffer.thumbnail!)).toBe(true);
    expect(await readFile(path)).toEqual(jpeg);
  });

  it('never buffers or reads through a 2 GiB file: a small PNG followed by 2 GiB of appended data', async () => {
    const path = join(dir, 'huge.png');
    await writeFile(path, await (await screenshot(6)).png().toBuffer());
    const handle = await open(path, 'r+');
    await handle.truncate(2 * 1024 ** 3); // sparse: costs no disk
    await handle.close();
    const rssBefore = process.memoryUsage.rss();
    const { result, bytesRead } = await countingBytesRead(() => analyzeImage(path, 'image/png'));
    expect(process.memoryUsage.rss() - rssBefore).toBeLessThan(100 * 1024 ** 2);
    expect(bytesRead).toBeLessThan(1024 ** 2); // the PNG's own bytes and the end of the file, never the 2 GiB
    expect([result.width, result.height]).toEqual([720, 1280]);
    expect(result.thumbnail).not.toBeNull();
    expect(texts(result.problems)).toEqual([
      'The PNG file does not end with its IEND chunk: the image decoded completely, but the file may be cut short or carry data appended after the image.',
    ]);
  });
});

describe('analyzeImage on hostile input', () => {
  it('a .png whose bytes are text is "other" and is never rendered', async () => {
    const path = join(dir, 'evidence.png');
    await writeFile(path, 'Just some text pretending to be a PNG.\n');
    const sniffed = await sniffFile(path);
    expect(sniffed).toBe('application/octet-stream');

    const asSniffed = await analyzeImage(path, sniffed);
    expect(texts(asSniffed.problems)).toEqual([
      'Content of type application/octet-stream is not an image this tool renders: not analysed.',
    ]);
    // even if a caller trusts the name, the bytes are checked before any decoder sees them
    const asNamed = await analyzeImage(path, 'image/png');
    expect(asNamed).toMatchObject({ width: null, thumbnail: null });
    expect(texts(asNamed.problems)).toEqual([
      'The bytes are not a known media type, not PNG as declared: not rendered.',
    ]);
  });

  it('refuses bytes of another image type than declared', async () => {
    const result = await analyzeImage(await solid('#fff').jpeg().toBuffer(), 'image/png');
    expect(texts(result.problems)).toEqual(['The bytes are image/jpeg, not PNG as declared: not rendered.']);
    expect(result.thumbnail).toBeNull();
  });

  it('a 0-byte input sniffs as other and analyses to a problem, from memory and from a file', async () => {
    expect(sniffMediaType(new Uint8Array(0))).toBe('application/octet-stream');
    const path = join(dir, 'empty.jpg');
    await writeFile(path, '');
    for (const input of [Buffer.alloc(0), path]) {
      const result = await analyzeImage(input, 'image/jpeg');
      expect(result).toMatchObject({ width: null, height: null, thumbnail: null });
      expect(texts(result.problems)).toEqual(['The file is empty (0 bytes): there is no image to analyse.']);
    }
  });

  it('a JPEG cut in half: size from the header, no thumbnail or hash, and a clear reason', async () => {
    const jpeg = await (await screenshot(7, { photo: true })).jpeg({ quality: 90 }).toBuffer();
    const half = jpeg.subarray(0, jpeg.length >> 1);
    const result = await analyzeImage(half, 'image/jpeg');
    expect([result.width, result.height]).toEqual([720, 1280]);
    expect(result.thumbnail).toBeNull();
    expect(texts(result.problems)).toHaveLength(1);
    expect(texts(result.problems)[0]).toMatch(
      /^JPEG data is truncated: the file does not end with its end-of-image marker \(FFD9\)/,
    );
    expect(texts(result.problems)[0]).toMatch(
      /Kept without thumbnail or perceptual hash: a partial rendering would misrepresent the evidence\.$/,
    );
  });

  it('a truncated PNG is reported the same way', async () => {
    const png = await (await screenshot(8, { photo: true })).png().toBuffer();
    const result = await analyzeImage(png.subarray(0, png.length >> 1), 'image/png');
    expect([result.width, result.height]).toEqual([720, 1280]);
    expect(result.thumbnail).toBeNull();
    expect(texts(result.problems)).toHaveLength(1);
    expect(texts(result.problems)[0]).toMatch(
      /^PNG data is truncated: the file does not end with its IEND chunk and the decoder ran out of data/,
    );
  });

  it.each([
    ['webp', 'image/webp', 'WebP', 'is \\d+ bytes long but its RIFF header says \\d+'],
    ['gif', 'image/gif', 'GIF', 'does not end with its trailer byte \\(3B\\)'],
  ] as const)(
    'a %s cut in half, whose decoder rejects even the header, is reported as probably truncated',
    async (format, type, name, end) => {
      const encoded = await (await screenshot(8, { photo: true })).toFormat(format).toBuffer();
      const result = await analyzeImage(encoded.subarray(0, encoded.length >> 1), type);
      expect(result).toMatchObject({ width: null, height: null, thumbnail: null });
      expect(texts(result.problems)).toHaveLength(1);
      expect(texts(result.problems)[0]).toMatch(
        new RegExp(
          `^The ${name} header could not be read \\(.+\\), and the file ${end}: it is probably truncated\\. No size, thumbnail or perceptual hash\\.$`,
        ),
      );
    },
  );

  it('a PNG with a damaged chunk in the middle is not rendered', async () => {
    const png = Buffer.from(await (await screenshot(8, { photo: true })).png().toBuffer());
    png[png.length >> 1]! ^= 0xff;
    const result = await analyzeImage(png, 'image/png');
    expect([result.width, result.thumbnail]).toEqual([720, null]);
    expect(texts(result.problems)).toEqual([
      'The PNG pixel data is damaged (vipspng: libpng read error). Kept without thumbnail or perceptual hash: a partial rendering would misrepresent the evidence.',
    ]);
  });

  it('a JPEG with corrupt but skippable data is rendered and flagged', async () => {
    const jpeg = Buffer.from(await (await screenshot(9, { photo: true })).jpeg({ quality: 90 }).toBuffer());
    jpeg.set([0xff, 0xd3], jpeg.length >> 1); // a stray restart marker inside the entropy-coded data
    const result = await analyzeImage(jpeg, 'image/jpeg');
    expect(result.thumbnail).not.toBeNull();
    expect(texts(result.problems)).toHaveLength(1);
    expect(texts(result.problems)[0]).toMatch(
      /^The JPEG decoder reported damaged data \(.+\): the thumbnail and perceptual hash show what it could recover/,
    );
  });

  it('a PNG signature followed by garbage has no readable header', async () => {
    const iend = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const result = await analyzeImage(Buffer.concat([signature, Buffer.alloc(200, 0x41), iend]), 'image/png');
    expect(result).toMatchObject({ width: null, thumbnail: null });
    expect(texts(result.problems)).toHaveLength(1);
    expect(texts(result.problems)[0]).toMatch(
      /^The PNG header could not be read \(.+\)\. No size, thumbnail or perceptual hash\.$/,
    );
    const cut = await analyzeImage(Buffer.concat([signature, Buffer.alloc(200, 0x41)]), 'image/png');
    expect(texts(cut.problems)[0]).toMatch(
      /\), and the file does not end with its IEND chunk: it is probably truncated\. No size/,
    );
  });

  it('does not analyse media that is not an image', async () => {
    for (const type of ['video/mp4', 'video/webm', 'application/pdf'] as const) {
      const result = await analyzeImage(Buffer.from('%PDF-1.7\n'), type);
      expect(texts(result.problems)).toEqual([
        `Content of type ${type} is not an image this tool renders: not analysed.`,
      ]);
    }
  });

  it('respects a lower maxPixels', async () => {
    const result = await analyzeImage(await solid('#fff', 2000, 1500).png().toBuffer(), 'image/png', {
      maxPixels: 1_000_000,
    });
    expect([result.width, result.height]).toEqual([2000, 1500]);
    expect(result.thumbnail).toBeNull();
    expect(texts(result.problems)).toEqual([
      'Image is 2000×1500 pixels (3 megapixels), above the 1-megapixel safety limit: kept without thumbnail or perceptual hash.',
    ]);
  });

  it('a missing file is an I/O error, not a content problem', async () => {
    await expect(analyzeImage(join(dir, 'nope.png'), 'image/png')).rejects.toThrow(/ENOENT/);
  });
});
