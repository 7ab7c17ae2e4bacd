import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isJejakError } from '../../../../../electron/core/errors';
import { pdqOfImage } from '../../../../../electron/core/evidence/media';
import {
  DIHEDRAL_TRANSFORMS,
  parsePdqHex,
  PDQ_MATCH_DISTANCE,
  PDQ_MIN_QUALITY,
  pdqDistance,
  pdqHex,
} from '../../../../../electron/core/evidence/media/pdq';
import { pdqOfPixels } from '../../../../../electron/core/evidence/media/pdq/image-pdq';
import { blackPng, screenshot } from '../fixtures';

const ZERO = '0'.repeat(64);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function bitsSet(hex: string): number {
  return pdqDistance(hex, ZERO);
}

describe('PDQ hash format and distance', () => {
  it('writes word 15 first, so bit 0 is the low bit of the last hex digit (the reference format)', () => {
    const hash = new Uint16Array(16);
    hash[0] = 1;
    hash[15] = 0x8000;
    const hex = pdqHex(hash);
    expect(hex).toBe(`8${'0'.repeat(62)}1`);
    expect(parsePdqHex(hex)).toEqual(hash);
    expect(parsePdqHex(hex.toUpperCase())).toEqual(hash);
  });

  it('counts differing bits', () => {
    expect(pdqDistance(ZERO, ZERO)).toBe(0);
    expect(pdqDistance(ZERO, 'f'.repeat(64))).toBe(256);
    expect(pdqDistance(`${'0'.repeat(63)}3`, `8${'0'.repeat(63)}`)).toBe(3);
    let error: unknown;
    try {
      pdqDistance(ZERO, 'not a hash');
    } catch (e) {
      error = e;
    }
    expect(isJejakError(error, 'INVALID_INPUT')).toBe(true);
  });
});

describe('PDQ of pictures', () => {
  it('sets exactly half the bits of a detailed picture, with full quality', async () => {
    const result = await pdqOfImage(await (await screenshot(3)).png().toBuffer());
    expect(bitsSet(result.hash)).toBe(128);
    expect(result.quality).toBeGreaterThanOrEqual(PDQ_MIN_QUALITY);
    expect(Object.keys(result.dihedral)).toEqual([...DIHEDRAL_TRANSFORMS]);
    expect(result.dihedral.original).toBe(result.hash);
  });

  it('gives a flat picture quality 0 and a picture under 5 pixels a side the zero hash', async () => {
    const flat = await pdqOfImage(
      await sharp({ create: { width: 300, height: 200, channels: 3, background: '#7a7a7a' } })
        .png()
        .toBuffer(),
    );
    expect(flat.quality).toBe(0);
    const tiny = pdqOfPixels({ data: Buffer.alloc(4 * 40 * 3, 200), width: 40, height: 4, channels: 3 });
    expect(tiny).toMatchObject({ hash: ZERO, quality: 0 });
    expect(Object.values(tiny.dihedral)).toEqual(Array(8).fill(ZERO));
  });

  it('keeps a screenshot recompressed at half size as a match, and tells different screenshots apart', async () => {
    const original = await pdqOfImage(await (await screenshot(1)).png().toBuffer());
    const smaller = await pdqOfImage(
      await (await screenshot(1)).resize({ width: 360 }).jpeg({ quality: 60 }).toBuffer(),
    );
    const distance = pdqDistance(original.hash, smaller.hash);
    console.log(`screenshot vs half-size JPEG q60: ${distance} bits`);
    expect(distance).toBeLessThanOrEqual(PDQ_MATCH_DISTANCE);
    for (const seed of [2, 4, 5]) {
      const other = await pdqOfImage(await (await screenshot(seed)).png().toBuffer());
      expect(pdqDistance(original.hash, other.hash), `seed ${seed}`).toBeGreaterThan(PDQ_MATCH_DISTANCE);
    }
  });

  it('reads the colour channels only: transparent pixels hash by their colour, as in the reference', async () => {
    const { data, info } = await (
      await screenshot(6, { width: 300, height: 400 })
    )
      .raw()
      .toBuffer({ resolveWithObject: true });
    const rgba = Buffer.alloc(info.width * info.height * 4);
    for (let p = 0; p < info.width * info.height; p++) {
      data.copy(rgba, p * 4, p * info.channels, p * info.channels + 3);
      rgba[p * 4 + 3] = p % 7 === 0 ? 0 : 255;
    }
    const opaque = await sharp(data, { raw: info }).removeAlpha().png().toBuffer();
    const translucent = await sharp(rgba, { raw: { width: info.width, height: info.height, channels: 4 } })
      .png()
      .toBuffer();
    expect((await pdqOfImage(translucent)).hash).toBe((await pdqOfImage(opaque)).hash);
  });

  it('hashes the stored pixels, not turned by the EXIF orientation; the dihedral hashes find the upright copy', async () => {
    // a photo: on screenshots a quarter turn can cost more than 31 bits, because PDQ samples the
    // 64×64 grid of a turned picture at slightly different points and rows of text alias
    const stored = await readFile(join(import.meta.dirname, '../../../../fixtures/pdq/bridge-1-original.jpg'));
    const tagged = await sharp(stored).withMetadata({ orientation: 6 }).jpeg({ quality: 90 }).toBuffer();
    expect((await sharp(tagged).metadata()).orientation).toBe(6);
    const upright = await sharp(tagged).rotate().jpeg({ quality: 90 }).toBuffer();
    const [a, b, c] = await Promise.all([pdqOfImage(stored), pdqOfImage(tagged), pdqOfImage(upright)]);
    expect(pdqDistance(a.hash, b.hash)).toBeLessThanOrEqual(4); // re-encoded, not turned
    expect(pdqDistance(a.hash, c.hash)).toBeGreaterThan(PDQ_MATCH_DISTANCE);
    // orientation 6 means "turn clockwise to show", Meta's rotate270
    expect(pdqDistance(a.dihedral.rotate270, c.hash)).toBeLessThanOrEqual(PDQ_MATCH_DISTANCE);
  });

  it('refuses a pixel bomb from its header, and undecodable, cut or corrupt bytes, with clear errors', async () => {
    const bomb = await rejection(pdqOfImage(blackPng(20_000, 20_000)));
    expect(isJejakError(bomb, 'INVALID_INPUT')).toBe(true);
    expect((bomb as Error).message).toMatch(/safety limit/);
    const garbage = await rejection(pdqOfImage(Buffer.from('this is not an image at all')));
    expect(isJejakError(garbage, 'UNREADABLE')).toBe(true);
    const truncated = (await (await screenshot(2)).jpeg().toBuffer()).subarray(0, 3000);
    expect(isJejakError(await rejection(pdqOfImage(truncated)), 'UNREADABLE')).toBe(true);
    // corrupt entropy data the decoder would skip with only a warning: no hash of a garbled picture
    const corrupt = Buffer.from(await (await screenshot(2)).jpeg().toBuffer());
    corrupt.fill(0xfe, corrupt.length >> 1, (corrupt.length >> 1) + 40);
    expect(isJejakError(await rejection(pdqOfImage(corrupt)), 'UNREADABLE')).toBe(true);
  });
});
