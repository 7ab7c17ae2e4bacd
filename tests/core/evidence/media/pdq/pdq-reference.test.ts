import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdqOfImage } from '../../../../../electron/core/evidence/media';
import {
  DIHEDRAL_TRANSFORMS,
  PDQ_MATCH_DISTANCE,
  pdqDistance,
  PdqIndex,
  type DihedralTransform,
  type PdqDihedralResult,
} from '../../../../../electron/core/evidence/media/pdq';
import { pdqOfPixels } from '../../../../../electron/core/evidence/media/pdq/image-pdq';

// Meta's reference images and hashes (ThreatExchange pdq/data, BSD: LICENSE in the folder).
const FIXTURES = join(import.meta.dirname, '../../../../fixtures/pdq');
// The reference test's tolerance (pdq/python/pdqhashing/tests/pdq_test.py): JPEG decoders differ.
const REFERENCE_TOLERANCE = 16;
const expected = readFileSync(join(FIXTURES, 'expected.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t') as [string, string]);

const hashes = new Map<string, PdqDihedralResult>();
async function pdqOf(file: string): Promise<PdqDihedralResult> {
  if (!hashes.has(file)) hashes.set(file, await pdqOfImage(join(FIXTURES, file)));
  return hashes.get(file)!;
}

function nearestCopy(a: PdqDihedralResult, b: PdqDihedralResult): { transform: DihedralTransform; distance: number } {
  return DIHEDRAL_TRANSFORMS.map((transform) => ({
    transform,
    distance: pdqDistance(a.dihedral[transform], b.hash),
  })).sort((x, y) => x.distance - y.distance)[0]!;
}

describe('PDQ against Meta reference hashes', () => {
  it.each(expected)('%s is within the reference tolerance of its expected hash', async (file, hex) => {
    const { hash, quality } = await pdqOf(file);
    const distance = pdqDistance(hash, hex);
    console.log(`${file.padEnd(24)} distance ${String(distance).padStart(2)}  quality ${quality}  ${hash}`);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(distance).toBeLessThanOrEqual(REFERENCE_TOLERANCE);
    // Meta's bar for a new implementation (pdq/README.md): quality ≥ 80 within 10 bits
    if (quality >= 80) expect(distance).toBeLessThanOrEqual(10);
  });

  it('finds the rotated bridge through the dihedral hashes, and not without them', async () => {
    const original = await pdqOf('bridge-1-original.jpg');
    const rotated = await pdqOf('bridge-2-rotate-90.jpg');
    const nearest = nearestCopy(original, rotated);
    console.log(
      `bridge rotated 90°: plain distance ${pdqDistance(original.hash, rotated.hash)}, nearest copy ${nearest.transform} at ${nearest.distance}`,
    );
    expect(nearest).toEqual({ transform: 'rotate90', distance: expect.any(Number) });
    expect(nearest.distance).toBeLessThanOrEqual(PDQ_MATCH_DISTANCE);
    expect(pdqDistance(original.hash, rotated.hash)).toBeGreaterThan(PDQ_MATCH_DISTANCE);
  });

  it('an index of the reference images finds the original from the rotated copy, and nothing else', async () => {
    const index = new PdqIndex<string>();
    for (const [file] of expected) if (file !== 'bridge-2-rotate-90.jpg') index.add(file, (await pdqOf(file)).hash);
    const rotated = await pdqOf('bridge-2-rotate-90.jpg');
    expect(index.within(rotated.hash, PDQ_MATCH_DISTANCE)).toEqual([]);
    // turning the rotated copy a quarter clockwise (Meta's rotate270) gives back the original
    expect(index.withinDihedral(rotated.dihedral, PDQ_MATCH_DISTANCE)).toEqual([
      { id: 'bridge-1-original.jpg', distance: expect.any(Number), transform: 'rotate270' },
    ]);
  });

  it('does not match unrelated reference images, in any rotation or mirror', async () => {
    const files = expected.map(([file]) => file);
    for (const [i, a] of files.entries()) {
      for (const b of files.slice(i + 1)) {
        if (a.startsWith('bridge') && b.startsWith('bridge')) continue;
        const nearest = nearestCopy(await pdqOf(a), await pdqOf(b));
        expect(nearest.distance, `${a} vs ${b} (${nearest.transform})`).toBeGreaterThan(PDQ_MATCH_DISTANCE);
      }
    }
  });

  it('each dihedral hash is the hash of that rotated or mirrored picture', async () => {
    const bridge = readFileSync(join(FIXTURES, 'bridge-1-original.jpg'));
    const original = await pdqOf('bridge-1-original.jpg');
    // sharp mirrors before it rotates, whatever the call order; rotate(90) turns clockwise
    const copies: Record<DihedralTransform, (image: Sharp) => Sharp> = {
      original: (image) => image,
      rotate90: (image) => image.rotate(270),
      rotate180: (image) => image.rotate(180),
      rotate270: (image) => image.rotate(90),
      flipX: (image) => image.flip(),
      flipY: (image) => image.flop(),
      flipPlus1: (image) => image.flip().rotate(90),
      flipMinus1: (image) => image.flop().rotate(90),
    };
    for (const transform of DIHEDRAL_TRANSFORMS) {
      const copy = await pdqOfImage(await copies[transform](sharp(bridge)).png().toBuffer());
      const nearest = nearestCopy(original, copy);
      console.log(`bridge ${transform.padEnd(10)} nearest ${nearest.transform} at ${nearest.distance}`);
      expect(nearest.transform).toBe(transform);
      expect(nearest.distance).toBeLessThanOrEqual(PDQ_MATCH_DISTANCE);
    }
  });
});

// Pixels made by formula (no decoder involved) and the hash and quality Meta's C++ float pipeline
// gives for them (pdqhashing.cpp, downscaling.cpp and Torben's median, transcribed line for line,
// built with g++ on x86-64 and fed these bytes). Meta calls an implementation correct when the
// same pixels give the same hash; the stripes and the nearly flat picture have many tied or tiny
// coefficients, so 64-bit instead of 32-bit sums change their bits.
const SAME_PIXELS: [string, number, number, (x: number, y: number) => number[], string, number][] = [
  [
    'gradients',
    97,
    61,
    (x, y) => [(x * x + 3 * y) & 255, ((x * y) >> 3) & 255, ((x ^ y) * 7) & 255],
    '45508a55529525a1492ab74226d584b5396dcec939dad715bded429b3ee3da8e',
    100,
  ],
  [
    'rings',
    640,
    480,
    (x, y) => {
      const r = ((x - 300) ** 2 + (y - 200) ** 2) >> 9;
      return [(r * 5) & 255, (r * 3 + x) & 255, (y >> 1) & 255];
    },
    'c19ea661a6bc3047a678640e9371a44e5bf192664991dbf2dbf66d916f919066',
    100,
  ],
  [
    'stripes',
    200,
    512,
    (x, y) => Array(3).fill(((y >> 3) % 2) * 180 + ((x >> 5) % 3) * 20),
    '7153aacf715b4c3c6753063c0132475055b61e58e0e76e78f0a7a8af511f1f50',
    100,
  ],
  [
    'nearly flat',
    333,
    222,
    (x, y) => {
      const v = 128 + ((x * 7 + y * 13) % 3) - 1;
      return [v, v + 1, v - 1];
    },
    'feff5f1500805f15feff550000005500feffffff00000000a0fa0000ffffffff',
    0,
  ],
];

describe('PDQ against the C++ reference on the same pixels', () => {
  it.each(SAME_PIXELS)('%s %i×%i gives the same bits and quality', (_name, width, height, colour, hash, quality) => {
    const data = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(colour(x, y), (y * width + x) * 3);
    expect(pdqOfPixels({ data, width, height, channels: 3 })).toMatchObject({ hash, quality });
  });
});
