import sharp, { type Exif } from 'sharp';
import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../../../electron/core/evidence/media';
import { exifDateToIso, readExif } from '../../../../electron/core/evidence/media/exif';

const photo = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } });

const cameraExif: Exif = {
  IFD0: {
    Make: 'Samsung',
    Model: 'SM-A546E',
    Software: 'A546EXXU4BXC1',
    Artist: 'Unit 7',
    ImageDescription: 'Banner\u0007photo\u0000',
  },
  IFD2: {
    DateTimeOriginal: '2024:03:01 10:20:30',
    OffsetTimeOriginal: '+07:00',
    DateTimeDigitized: '2024:03:01 10:20:31',
  },
  IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 10/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 49/1 0/1' },
};

describe('EXIF', () => {
  it('a camera JPEG: curated, JSON-safe fields, capture time with its recorded offset', async () => {
    const jpeg = await photo().jpeg().withExif(cameraExif).toBuffer();
    const result = await analyzeImage(jpeg, 'image/jpeg');
    expect(result.problems).toEqual([]);
    expect(result.capturedAt).toBe('2024-03-01T10:20:30+07:00');
    expect(result.exif).toEqual({
      Make: 'Samsung',
      Model: 'SM-A546E',
      Software: 'A546EXXU4BXC1',
      Artist: 'Unit 7',
      ImageDescription: 'Banner photo',
      DateTimeOriginal: '2024-03-01T10:20:30+07:00',
      CreateDate: '2024-03-01T10:20:31',
      Orientation: 1,
      GPSLatitude: expect.closeTo(-6.175, 6),
      GPSLongitude: expect.closeTo(106.816667, 5),
    });
    expect(JSON.parse(JSON.stringify(result.exif))).toEqual(result.exif);
  });

  it('falls back to the digitised time, and keeps a time without offset as local time', async () => {
    const jpeg = await photo()
      .jpeg()
      .withExif({ IFD2: { DateTimeDigitized: '2023:12:31 23:59:59' } })
      .toBuffer();
    const result = await analyzeImage(jpeg, 'image/jpeg');
    expect(result.capturedAt).toBe('2023-12-31T23:59:59');
  });

  it('reads EXIF the same way from PNG and WebP', async () => {
    for (const encoded of [
      await photo().png().withExif(cameraExif).toBuffer(),
      await photo().webp().withExif(cameraExif).toBuffer(),
    ]) {
      const type = encoded[0] === 0x89 ? 'image/png' : 'image/webp';
      const result = await analyzeImage(encoded, type);
      expect(result.capturedAt).toBe('2024-03-01T10:20:30+07:00');
      expect(result.exif?.Model).toBe('SM-A546E');
    }
  });

  it('screenshots without EXIF have none', async () => {
    const result = await analyzeImage(await photo().png().toBuffer(), 'image/png');
    expect([result.exif, result.capturedAt]).toEqual([null, null]);
  });

  it('placeholder dates give no capture time, and long or control-laden text is cleaned', async () => {
    const jpeg = await photo()
      .jpeg()
      .withExif({ IFD0: { Make: `\u0001${'A'.repeat(5000)}` }, IFD2: { DateTimeOriginal: '0000:00:00 00:00:00' } })
      .toBuffer();
    const result = await analyzeImage(jpeg, 'image/jpeg');
    expect(result.capturedAt).toBeNull();
    expect(result.exif?.DateTimeOriginal).toBeUndefined();
    expect(result.exif?.Make).toBe('A'.repeat(500));
  });

  it('a damaged EXIF block is a problem, not an exception', async () => {
    const bogusIfd = Buffer.from('Exif\0\0II*\0\x08\0\0\0\xff\xff', 'latin1');
    const result = await readExif(bogusIfd);
    expect(result.exif).toBeNull();
    expect(result.problem?.message).toMatch(/^EXIF metadata is (partly damaged|present but unreadable)/);
    expect(result.problem?.code).toMatch(/^exif-(partly-damaged|unreadable)$/);
    expect(await readExif(Buffer.from('not a tiff at all'))).toMatchObject({ exif: null, capturedAt: null });
  });

  it.each([
    ['2024:03:01 10:20:30', undefined, '2024-03-01T10:20:30'],
    ['2024:03:01 10:20:30', '+07:00', '2024-03-01T10:20:30+07:00'],
    ['2024:03:01 10:20:30', '-03:30', '2024-03-01T10:20:30-03:30'],
    ['2024:03:01 10:20:30', 'garbage', '2024-03-01T10:20:30'],
    ['2024:03:01T10:20:30', undefined, '2024-03-01T10:20:30'],
    ['2024:02:30 10:20:30', undefined, null],
    ['2024:13:01 10:20:30', undefined, null],
    ['2024:03:01 24:00:00', undefined, null],
    ['0000:00:00 00:00:00', undefined, null],
    ['    :  :     :  :  ', undefined, null],
    [20240301, undefined, null],
  ])('exifDateToIso(%j, %j) = %j', (value, offset, expected) => {
    expect(exifDateToIso(value, offset)).toBe(expected);
  });
});
