import { describe, expect, it } from 'vitest';
import { analyzeImage, NEAR_DUPLICATE_DISTANCE, phashDistance } from '../../../../electron/core/evidence/media';
import { perceptualHash } from '../../../../electron/core/evidence/media/phash';
import { screenshot } from './fixtures';

async function hashOf(input: Buffer, type: 'image/png' | 'image/jpeg' | 'image/webp'): Promise<string> {
  const { phash, problems } = await analyzeImage(input, type);
  expect(problems).toEqual([]);
  return phash!;
}

describe('perceptual hash', () => {
  it('the same screenshot resized to 50% and recompressed as JPEG q=60 is a near duplicate', async () => {
    const original = await hashOf(await (await screenshot(1)).png().toBuffer(), 'image/png');
    const variants = [
      await hashOf(await (await screenshot(1)).resize({ width: 360 }).jpeg({ quality: 60 }).toBuffer(), 'image/jpeg'),
      await hashOf(await (await screenshot(1)).resize({ width: 180 }).jpeg({ quality: 30 }).toBuffer(), 'image/jpeg'),
      await hashOf(await (await screenshot(1)).webp({ quality: 50 }).toBuffer(), 'image/webp'),
    ];
    for (const variant of variants)
      expect(phashDistance(original, variant)).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
  });

  it('different screenshots of the same app are not near duplicates', async () => {
    const hashes = await Promise.all(
      [2, 3, 4, 5, 6].map(async (seed) => hashOf(await (await screenshot(seed)).png().toBuffer(), 'image/png')),
    );
    for (const [i, a] of hashes.entries()) {
      for (const b of hashes.slice(i + 1)) expect(phashDistance(a, b)).toBeGreaterThan(NEAR_DUPLICATE_DISTANCE);
    }
  });

  it('is deterministic and 16 hex digits', () => {
    const gradient = Uint8Array.from({ length: 1024 }, (_, i) => (i % 32) * 8);
    expect(perceptualHash(gradient)).toMatch(/^[0-9a-f]{16}$/);
    expect(perceptualHash(gradient)).toBe(perceptualHash(gradient.slice()));
    expect(() => perceptualHash(new Uint8Array(10))).toThrow(/1024 greyscale pixels/);
  });

  it('phashDistance counts differing bits and rejects malformed hashes', () => {
    expect(phashDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(phashDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(phashDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(phashDistance('ABCDEF0123456789', 'abcdef0123456789')).toBe(0);
    expect(() => phashDistance('xyz', '0000000000000000')).toThrow(/16-digit hex/);
  });
});
