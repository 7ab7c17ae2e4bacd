import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage, verifyPackageKeeping, writePackage } from '../../../electron/core/packages';
import { cleanTempDirs, makeSigner, sampleInput, tempDir, type Sample } from './helpers';
import { flip, rezip } from './zip-tools';

let dir: string;
let path: string;
let sample: Sample;
const evidence = (p: string) => p.startsWith('data/evidence/');

beforeAll(async () => {
  dir = tempDir();
  sample = sampleInput(makeSigner('analyst'));
  path = (await writePackage(sample.input, join(dir, 'p.zip'))).path;
});
afterAll(cleanTempDirs);

describe('verifyPackageKeeping', () => {
  it('gives the verdict verifyPackage gives, and the exact bytes of the payload files wanted from the same pass', async () => {
    const { result, kept } = await verifyPackageKeeping(path, {}, { wanted: evidence, maxBytes: 1 << 30 });
    const alone = await verifyPackage(path);
    expect(result.verdict).toBe(alone.verdict);
    expect(result.checks.map((c) => [c.id, c.ok])).toEqual(alone.checks.map((c) => [c.id, c.ok]));
    const files = [...sample.files].filter(([file]) => evidence(`data/${file}`));
    expect(files.length).toBeGreaterThan(1);
    expect([...kept.keys()].sort()).toEqual(files.map(([file]) => `data/${file}`).sort());
    for (const [file, bytes] of files) expect(Buffer.from(kept.get(`data/${file}`)!).equals(bytes)).toBe(true);
  });

  it('keeps no more than its bound: the files past it are left to be read again', async () => {
    const sizes = [...sample.files].filter(([file]) => evidence(`data/${file}`)).map(([, b]) => b.length);
    const bound = Math.max(...sizes);
    const { kept } = await verifyPackageKeeping(path, {}, { wanted: evidence, maxBytes: bound });
    expect(kept.size).toBeGreaterThan(0);
    expect(kept.size).toBeLessThan(sizes.length);
    expect([...kept.values()].reduce((sum, b) => sum + b.length, 0)).toBeLessThanOrEqual(bound);
  });

  it('a file whose bytes are not the signed ones makes the verdict invalid, whatever it keeps', async () => {
    const bad = join(dir, 'bad.zip');
    await rezip(path, bad, (e) => e.map((x) => (x.name.includes('/evidence/001-') ? { ...x, data: flip(x.data) } : x)));
    const { result } = await verifyPackageKeeping(bad, {}, { wanted: evidence, maxBytes: 1 << 30 });
    expect(result.verdict).toBe('invalid');
    expect(result.checks.filter((c) => !c.ok).map((c) => c.id)).toContain('manifest-sha256');
  });
});
