import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  DIHEDRAL_TRANSFORMS,
  PDQ_MATCH_DISTANCE,
  pdqDistance,
  pdqOfImage,
  type DihedralTransform,
  type PdqDihedralResult,
} from '../../../../../electron/core/evidence/media/pdq';

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
  return DIHEDRAL_TRANSFORMS.map((transform) => ({ transform, distance: pdqDistance(a.dihedral[transform], b.hash) })).sort(
    (x, y) => x.distance - y.distance,
  )[0]!;
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
    console.log(`bridge rotated 90°: plain distance ${pdqDistance(original.hash, rotated.hash)}, nearest copy ${nearest.transform} at ${nearest.distance}`);
    expect(nearest).toEqual({ transform: 'rotate90', distance: expect.any(Number) });
    expect(nearest.distance).toBeLessThanOrEqual(PDQ_MATCH_DISTANCE);
    expect(pdqDistance(original.hash, rotated.hash)).toBeGreaterThan(PDQ_MATCH_DISTANCE);
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
