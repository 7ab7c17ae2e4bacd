import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage, writePackage } from '../../../electron/core/packages';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';
import { rawZip, readZip, type PlainEntry } from './zip-tools';

let dir: string;
let entries: PlainEntry[];

beforeAll(async () => {
  dir = tempDir();
  const { path } = await writePackage(sampleInput(makeSigner('analyst')).input, join(dir, 'good.zip'));
  entries = await readZip(path);
});
afterAll(cleanTempDirs);

/** An extra field: its id, then its data's length, then the data. */
function extraField(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(id, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

/** The package again, every local header carrying `localExtra` (the central directory none). */
async function verifyWithLocalExtra(localExtra: Buffer) {
  const path = join(dir, `extra-${localExtra.length}.zip`);
  writeFileSync(path, rawZip(entries.map((e) => ({ name: e.name, data: e.data, localExtra }))));
  return verifyPackage(path);
}

// A header is read with room for its name and a usual extra field; a longer one takes a second read.
describe('local headers with extra fields longer than their first read', () => {
  it('are read whole: a 1,000-byte padding field leaves the package valid', async () => {
    const result = await verifyWithLocalExtra(extraField(0x6666, Buffer.alloc(996, 0x20)));
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.verdict).toBe('valid-untrusted');
  });

  it('are checked whole: a Unicode Path field after 600 bytes of padding is still found', async () => {
    const unicodePath = extraField(0x7075, Buffer.concat([Buffer.from([1, 0, 0, 0, 0]), Buffer.from('x')]));
    const result = await verifyWithLocalExtra(Buffer.concat([extraField(0x6666, Buffer.alloc(596)), unicodePath]));
    expect(result.verdict).toBe('invalid');
    const structure = result.checks.find((c) => c.id === 'zip-structure');
    expect(structure?.ok).toBe(false);
    expect(structure?.detail).toContain('carries a Unicode Path field in its local header');
  });
});
