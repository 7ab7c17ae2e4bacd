import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { unreadWriting, unsureLines, type GreyPixels } from '../../../../electron/core/evidence/media/ocr-script';
import { textPng } from '../../../fixtures/catalog';

async function grey(png: Buffer): Promise<GreyPixels> {
  const { data, info } = await sharp(png)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
const line = (confidence: number, x0: number, y0: number, x1: number, y1: number) => ({
  confidence,
  bbox: { x0, y0, x1, y1 },
});

describe('which pictures the Arabic model reads again', () => {
  it('a line the Latin models were unsure of that is writing', async () => {
    const arabic = await grey(await textPng('انضموا إلى قناتنا'));
    expect(unreadWriting([line(30, 30, 85, 880, 150)], arabic)).toBe(true);
  });

  it('not the blocks, bars and buttons the Latin models were unsure of, nor a line they read', async () => {
    // a header bar of flat colour above a bubble with three "word" blocks, as the chat look-alike draws them
    const block = (width: number, height: number, background: string, left: number, top: number) => ({
      input: { create: { width, height, channels: 3 as const, background } },
      left,
      top,
    });
    const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#e6ebee' } })
      .composite([
        block(400, 60, '#2b5278', 0, 0),
        block(300, 40, '#ffffff', 20, 100),
        ...[0, 1, 2].map((i) => block(70, 16, '#303030', 34 + i * 80, 112)),
      ])
      .png()
      .toBuffer();
    const picture = await grey(png);
    expect(unreadWriting([line(10, 0, 0, 400, 60), line(20, 34, 112, 264, 128)], picture)).toBe(false);
    expect(unsureLines([line(96, 0, 0, 10, 10), line(40, 0, 0, 10, 10)])).toEqual([line(40, 0, 0, 10, 10)]);
  });
});
