import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import { verifyPackage, writePackage, type CheckId, type Signer } from '../../../electron/core/packages';
import { flippedStoredByte, N, REBUILT_PACKAGES, renamedBag } from './corpus/rebuilt';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';
import { readZip, rezip, type PlainEntry } from './zip-tools';

let dir: string;
let good: string;
let analyst: Signer;

beforeAll(async () => {
  dir = tempDir();
  analyst = makeSigner('analyst');
  good = (
    await writePackage(sampleInput(analyst).input, join(dir, 'good.zip'), { now: new Date('2026-11-28T04:00:00Z') })
  ).path;
});
afterAll(cleanTempDirs);

async function failing(change: (entries: PlainEntry[]) => PlainEntry[]): Promise<CheckId[]> {
  const path = join(dir, `t-${Math.random().toString(16).slice(2)}.zip`);
  await rezip(good, path, change);
  const result = await verifyPackage(path);
  expect(result.verdict).toBe('invalid');
  return result.checks.filter((c) => !c.ok).map((c) => c.id);
}

describe('verifyPackage on a rebuilt (structurally sound) package', () => {
  it('passes every check when nothing changed', async () => {
    const path = join(dir, 'same.zip');
    await rezip(good, path, (e) => e);
    const result = await verifyPackage(path);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.verdict).toBe('valid-untrusted');
  });

  it.each(REBUILT_PACKAGES)('%s is caught', async (_label, change, expected) => {
    expect(await failing((e) => change(e, { analyst }))).toEqual(expected);
  });
});

describe('verifyPackage on the written bytes', () => {
  it('catches one flipped byte of stored data through its CRC-32 and hashes', async () => {
    const path = join(dir, 'flipped.zip');
    writeFileSync(path, flippedStoredByte(readFileSync(good)));
    const result = await verifyPackage(path);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([
      'zip-data',
      'manifest-sha256',
      'manifest-sha512',
    ]);
    expect(result.checks.find((c) => c.id === 'zip-data')?.detail).toContain('CRC-32');
  });

  it('reads back what yauzl reads', async () => {
    const result = await verifyPackage(good);
    expect(result.entries).toEqual((await readZip(good)).map((e) => e.name));
    expect(result.name).toBe(N);
  });

  it('throws UNREADABLE for a path it cannot read, never a verdict', async () => {
    for (const path of [join(dir, 'missing.zip'), dir]) {
      const err = await verifyPackage(path).catch((e: unknown) => e);
      expect(isJejakError(err, 'UNREADABLE')).toBe(true);
    }
  });

  it('names the bag folder rule: NAME must be the sanitised External-Identifier', async () => {
    writeFileSync(join(dir, 'renamed.zip'), renamedBag(await readZip(good)));
    const result = await verifyPackage(join(dir, 'renamed.zip'));
    expect(result.checks.find((c) => c.id === 'bag-info')?.detail).toContain('is not NAME for the External-Identifier');
  });
});
