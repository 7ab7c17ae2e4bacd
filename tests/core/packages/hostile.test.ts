import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage, writePackage, type VerifyLimits } from '../../../electron/core/packages';
import { BOMBS, deflatedZeros, GiB, HOSTILE_ARCHIVES, withHostileEntry } from './corpus/archives';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';
import { readZip } from './zip-tools';

let dir: string;
let good: Buffer;
let bomb: Buffer;

beforeAll(async () => {
  dir = tempDir();
  const { path } = await writePackage(sampleInput(makeSigner('analyst')).input, join(dir, 'good.zip'));
  good = readFileSync(path);
  bomb = await deflatedZeros(GiB);
});
afterAll(cleanTempDirs);

/** Verifies bytes, measuring peak RSS growth (sampled) along the way; how fast is `npm run bench -- hostile`. */
async function verifyBytes(bytes: Buffer, limits?: Partial<VerifyLimits>) {
  const path = join(dir, `h-${Math.random().toString(16).slice(2)}.zip`);
  writeFileSync(path, bytes);
  const before = readdirSync(dir).length;
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  try {
    const result = await verifyPackage(path, limits ? { limits } : {});
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(readdirSync(dir).length).toBe(before);
    return {
      result,
      rssGrowth: peak - rss0,
      failed: result.checks.filter((c) => !c.ok).map((c) => c.id),
    };
  } finally {
    clearInterval(sampler);
  }
}

describe('hostile archives are invalid, never a crash, naming the check', () => {
  it.each(HOSTILE_ARCHIVES)('%s', async (_label, make, id, detail) => {
    const { result, failed } = await verifyBytes(make({ good }));
    expect(result.verdict).toBe('invalid');
    expect(failed).toContain(id);
    expect(result.checks.find((c) => c.id === id)?.detail).toContain(detail);
  });

  it('a ZIP bomb declaring its size is refused before anything is inflated', async () => {
    const { result, rssGrowth, failed } = await verifyBytes(BOMBS.declared(bomb));
    expect(result.verdict).toBe('invalid');
    expect(failed).toContain('zip-limits');
    expect(result.checks.find((c) => c.id === 'zip-limits')?.detail).toContain('would expand');
    expect(failed).not.toContain('zip-data');
    expect(rssGrowth).toBeLessThan(64 * 2 ** 20);
  });

  it('a ZIP bomb lying about its size stops at the first surplus byte', async () => {
    const { result, rssGrowth } = await verifyBytes(BOMBS.lying(bomb));
    expect(result.checks.find((c) => c.id === 'zip-data')?.detail).toContain('more than the 1000 bytes it declares');
    expect(rssGrowth).toBeLessThan(64 * 2 ** 20);
  });

  it('many bombs sharing one deflate stream are refused on their sizes', async () => {
    const { failed, rssGrowth } = await verifyBytes(BOMBS.shared(bomb));
    expect(failed).toContain('zip-limits');
    expect(failed).not.toContain('zip-data');
    expect(rssGrowth).toBeLessThan(64 * 2 ** 20);
  });

  it('limits on total size and entry count apply', async () => {
    expect((await verifyBytes(good, { maxTotalBytes: 1000 })).failed).toEqual(['zip-limits']);
    const few = await verifyBytes(good, { maxEntries: 3 });
    expect(few.failed).toEqual(['zip-limits']);
    expect(few.result.checks).toHaveLength(1);
    expect((await verifyBytes(good, { maxMetadataBytes: 100 })).failed).toEqual(['zip-limits']);
  });

  it('the untouched package is valid through the same path', async () => {
    const { result } = await verifyBytes(good);
    expect(result.verdict).toBe('valid-untrusted');
  });

  it('a hostile entry inside an otherwise valid package still makes it invalid', async () => {
    const { failed } = await verifyBytes(withHostileEntry(await readZip(join(dir, 'good.zip'))));
    expect(failed).toContain('entry-names');
  });
});
