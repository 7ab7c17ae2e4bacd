import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { normalizeThumbnail } from '../../../electron/core/report/pdf-evidence';
import { plainJpegSize } from '../../../electron/core/report/pdf-jpeg';

// Intake stores thumbnails as small JPEGs; the report embeds those as they are and re-encodes
// anything else (older vaults' WebP, a large or rotated JPEG) through sharp.
const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } });

describe('plainJpegSize', () => {
  it('reads the size of a small JPEG, greyscale or colour, baseline or progressive', async () => {
    expect(plainJpegSize(await picture(320, 213).jpeg().toBuffer(), 328)).toEqual({ width: 320, height: 213 });
    const grey = await picture(100, 300).greyscale().jpeg({ progressive: true }).toBuffer();
    expect(plainJpegSize(grey, 328)).toEqual({ width: 100, height: 300 });
  });

  it('refuses what must be re-encoded: larger than drawn, EXIF (pdfkit would turn it), CMYK, not JPEG, cut short', async () => {
    expect(plainJpegSize(await picture(400, 200).jpeg().toBuffer(), 328)).toBeNull();
    const rotated = await picture(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(plainJpegSize(rotated, 328)).toBeNull();
    expect(plainJpegSize(await picture(100, 100).toColourspace('cmyk').jpeg().toBuffer(), 328)).toBeNull();
    expect(plainJpegSize(await picture(100, 100).webp().toBuffer(), 328)).toBeNull();
    expect(plainJpegSize(await picture(100, 100).png().toBuffer(), 328)).toBeNull();
    const jpeg = await picture(100, 100).jpeg().toBuffer();
    expect(plainJpegSize(jpeg.subarray(0, 40), 328)).toBeNull();
    expect(plainJpegSize(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6]), 328)).toBeNull();
  });
});

describe('normalizeThumbnail', () => {
  it("keeps a stored JPEG thumbnail's bytes and re-encodes a WebP one", async () => {
    const jpeg = await picture(320, 213).jpeg({ quality: 80 }).toBuffer();
    const kept = await normalizeThumbnail(jpeg);
    expect(kept).not.toBe('bad');
    expect(kept !== 'bad' && kept.jpeg.equals(jpeg)).toBe(true);
    const fromWebp = await normalizeThumbnail(await picture(320, 213).webp().toBuffer());
    expect(fromWebp !== 'bad' && [fromWebp.jpeg[0], fromWebp.jpeg[1], fromWebp.width]).toEqual([0xff, 0xd8, 320]);
  });

  it('still says "bad" for bytes that are no picture at all', async () => {
    expect(await normalizeThumbnail(Buffer.from('not an image'))).toBe('bad');
    expect(await normalizeThumbnail(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0]))).toBe('bad');
  });
});
