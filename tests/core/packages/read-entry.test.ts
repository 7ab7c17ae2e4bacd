import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import { readPackageEntry, writePackage } from '../../../electron/core/packages';
import { cleanTempDirs, makeSigner, sampleInput, tempDir, type Sample } from './helpers';
import { flip, rezip } from './zip-tools';

let dir: string;
let path: string;
let sample: Sample;

beforeAll(async () => {
  dir = tempDir();
  sample = sampleInput(makeSigner('analyst'));
  path = (await writePackage(sample.input, join(dir, 'p.zip'))).path;
});
afterAll(cleanTempDirs);

async function code(p: Promise<unknown>): Promise<string | undefined> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isJejakError(err) ? err.code : String(err);
}

describe('readPackageEntry', () => {
  it('returns the exact bytes of a payload file', async () => {
    for (const [file, bytes] of sample.files)
      expect((await readPackageEntry(path, `data/${file}`)).equals(bytes)).toBe(true);
  });

  it('refuses what it must not return', async () => {
    expect(await code(readPackageEntry(path, 'data/evidence/999-000000000000.png'))).toBe('NOT_FOUND');
    expect(await code(readPackageEntry(path, 'bag-info.txt'))).toBe('INVALID_INPUT');
    expect(await code(readPackageEntry(path, 'data/report.json', { maxBytes: 10 }))).toBe('INVALID_INPUT');
    expect(await code(readPackageEntry(join(dir, 'missing.zip'), 'data/report.pdf'))).toBe('UNREADABLE');
  });

  it('refuses a file whose bytes are not the signed ones', async () => {
    const bad = join(dir, 'bad.zip');
    await rezip(path, bad, (e) => e.map((x) => (x.name.includes('/evidence/001-') ? { ...x, data: flip(x.data) } : x)));
    const evidence = [...sample.files.keys()].filter((p) => p.startsWith('evidence/'));
    const err = await readPackageEntry(bad, `data/${evidence[0]}`).catch((e: unknown) => e);
    expect(isJejakError(err, 'INTEGRITY')).toBe(true);
    expect((err as { details: { checks: Array<{ id: string }> } }).details.checks.map((c) => c.id)).toContain(
      'manifest-sha256',
    );
    // it checks only what it returns: another file is still served (verifyPackage gives the verdict)
    expect((await readPackageEntry(bad, `data/${evidence[1]}`)).equals(sample.files.get(evidence[1]!)!)).toBe(true);
  });

  it('refuses everything from a package whose signature fails', async () => {
    const bad = join(dir, 'badsig.zip');
    await rezip(path, bad, (e) => e.map((x) => (x.name.endsWith('.sig') ? { ...x, data: flip(x.data) } : x)));
    expect(await code(readPackageEntry(bad, 'data/report.pdf'))).toBe('INTEGRITY');
  });
});
