import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeImage, type ImageAnalysis } from '../../../../electron/core/evidence/media';
import { blackPng } from './fixtures';

/** The English sentences of the problems found (each also has a code and values for translation). */
const texts = (problems: Array<{ message: string }>) => problems.map((p) => p.message);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jejak-bomb-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `work` while sampling RSS; returns its result and the peak RSS growth (its speed: npm run bench -- hostile). */
async function measured(work: () => Promise<ImageAnalysis>) {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growthMiB: (peak - before) / 1024 ** 2 };
  } finally {
    clearInterval(sampler);
  }
}

describe('decompression bombs', () => {
  it('a 20000×20000 PNG (≈50 KB on disk, 400 megapixels decoded) is sized from its header and never decoded', async () => {
    const bomb = blackPng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(200_000);
    const path = join(dir, 'bomb.png');
    await writeFile(path, bomb);

    for (const input of [path, bomb]) {
      const { result, growthMiB } = await measured(() => analyzeImage(input, 'image/png'));
      expect(result).toMatchObject({ width: 20_000, height: 20_000, thumbnail: null });
      expect(texts(result.problems)).toEqual([
        'Image is 20000×20000 pixels (400 megapixels), above the 100-megapixel safety limit: kept without thumbnail or perceptual hash.',
      ]);
      expect(growthMiB).toBeLessThan(200);
    }
  });

  it('the same holds for a JPEG whose frame header claims 60000×60000', async () => {
    const jpeg = Buffer.from(
      await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
        .jpeg()
        .toBuffer(),
    );
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(60_000, sof + 5);
    jpeg.writeUInt16BE(60_000, sof + 7);
    const { result, growthMiB } = await measured(() => analyzeImage(jpeg, 'image/jpeg'));
    expect([result.width, result.height, result.thumbnail]).toEqual([60_000, 60_000, null]);
    expect(texts(result.problems)[0]).toMatch(
      /^Image is 60000×60000 pixels \(3600 megapixels\), above the 100-megapixel safety limit/,
    );
    expect(growthMiB).toBeLessThan(200);
  });

  it('an image just under the limit is still analysed', async () => {
    const result = await analyzeImage(blackPng(4_000, 4_000), 'image/png', { maxPixels: 16_000_000 });
    expect(texts(result.problems)).toEqual([]);
    expect(result.thumbnail).not.toBeNull();
  });
});
