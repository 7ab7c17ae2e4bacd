import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import { verifyPackage, verifyPackageKeeping, writePackage } from '../../../electron/core/packages';
import type { ByteSource } from '../../../electron/core/packages/platform';
import { nodePlatform } from '../../../electron/core/packages/platform-node';
import { verifyZip } from '../../../electron/core/packages/verify-source';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';
import { rawZip, readZip, type PlainEntry } from './zip-tools';

// A package's entries over 4 MiB are read in a lane of their own beside the smaller ones (zip-data.ts):
// what the verifier reports must not depend on which lane finished first.

afterAll(cleanTempDirs);

const MiB = 2 ** 20;
const REPORT = '/data/report.pdf';
let entries: PlainEntry[];
let pdf: Buffer;

beforeAll(async () => {
  pdf = randomBytes(24 * MiB);
  const { input } = sampleInput(makeSigner('analyst'), 'LANES-1', pdf);
  const path = join(tempDir(), 'LANES-1.zip');
  await writePackage(input, path);
  // the large report first: it is still being read when the small lane has finished
  const read = await readZip(path);
  entries = [...read.filter((e) => e.name.endsWith(REPORT)), ...read.filter((e) => !e.name.endsWith(REPORT))];
});

const evidenceNames = () => entries.filter((e) => e.name.includes('/data/evidence/')).map((e) => e.name);

function zipBytes(wrongCrc: string[] = []): Buffer {
  return rawZip(
    entries.map((e) => ({
      name: e.name,
      data: e.data,
      ...(wrongCrc.includes(e.name) ? { crc: (crc32(e.data) ^ 1) >>> 0 } : {}),
    })),
  );
}

interface Range {
  from: number;
  to: number;
}
const within = (r: Range | undefined, offset: number, length: number) =>
  r !== undefined && offset < r.to && offset + length > r.from;

/**
 * The ZIP's bytes as a source counting its reads (dataReads: entry data, read into the reader's buffers), whose data reads in `failing`
 * fail as a disk would, and in `slow` take 10 ms each.
 */
function memorySource(bytes: Buffer, failing?: Range, slow?: Range) {
  const counter = { reads: 0, dataReads: 0 };
  const source: ByteSource = {
    size: bytes.length,
    async read(offset, length) {
      counter.reads++;
      return Uint8Array.prototype.slice.call(bytes, offset, offset + length);
    },
    async readInto(target, offset) {
      counter.reads++;
      counter.dataReads++;
      if (within(slow, offset, target.length)) await new Promise((r) => setTimeout(r, 10));
      if (within(failing, offset, target.length))
        throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      const n = Math.max(0, Math.min(target.length, bytes.length - offset));
      target.set(bytes.subarray(offset, offset + n));
      return n;
    },
  };
  return { source, counter };
}

/** Reads made after the call settled: none, or something was still reading a closed file. */
async function readsAfter(counter: { reads: number }): Promise<number> {
  const settled = counter.reads;
  await new Promise((r) => setTimeout(r, 200));
  return counter.reads - settled;
}

describe('reading a large entry beside the small ones', () => {
  it('verifies the package as written', async () => {
    const path = join(tempDir(), 'same.zip');
    writeFileSync(path, zipBytes());
    const result = await verifyPackage(path);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.verdict).toBe('valid-untrusted');
  });

  it("lists damaged entries in the file's order, not in the order their lanes reached them", async () => {
    const last = evidenceNames().at(-1)!;
    const path = join(tempDir(), 'two-bad.zip');
    writeFileSync(path, zipBytes([entries[0]!.name, last]));
    const result = await verifyPackage(path);
    const detail = result.checks.find((c) => c.id === 'zip-data')!.detail;
    expect(result.verdict).toBe('invalid');
    expect(detail).toContain('report.pdf');
    expect(detail).toContain(last.split('/').at(-1));
    expect(detail.indexOf('report.pdf')).toBeLessThan(detail.indexOf(last.split('/').at(-1)!));
  });

  it('keeps the payload files that fit its bound in file order, whichever lane reads them', async () => {
    const path = join(tempDir(), 'keep.zip');
    writeFileSync(path, zipBytes());
    const [first] = evidenceNames();
    const firstSize = entries.find((e) => e.name === first)!.data.length;
    const wanted = (p: string) => p === 'data/report.pdf' || p.startsWith('data/evidence/');
    const { kept } = await verifyPackageKeeping(path, {}, { wanted, maxBytes: pdf.length + firstSize });
    expect([...kept.keys()].sort()).toEqual(['data/report.pdf', first!.slice(first!.indexOf('/') + 1)].sort());
  });

  it('reports a read failure in the small lane as unreadable, and stops the large one', async () => {
    const bytes = zipBytes();
    const first = entries.find((e) => e.name === evidenceNames()[0])!.data;
    const at = bytes.indexOf(first, pdf.length);
    // the report's 24 reads of 1 MiB take 240 ms: the small lane fails long before they end
    const report = { from: bytes.indexOf(pdf), to: bytes.indexOf(pdf) + pdf.length };
    const { source, counter } = memorySource(bytes, { from: at, to: at + first.length }, report);
    const err = await verifyZip(source, nodePlatform).catch((e: unknown) => e);
    expect(isJejakError(err, 'UNREADABLE')).toBe(true);
    expect(counter.dataReads).toBeLessThan(10);
    expect(await readsAfter(counter)).toBe(0);
  });

  it('stops both lanes when cancelled, and reads nothing after', async () => {
    const { source, counter } = memorySource(zipBytes());
    const cancel = new AbortController();
    const onProgress = ({ bytesDone }: { bytesDone: number }) => {
      if (bytesDone > 4 * MiB) cancel.abort();
    };
    const err = await verifyZip(source, nodePlatform, { signal: cancel.signal, onProgress }).catch((e: unknown) => e);
    expect(isJejakError(err, 'CANCELLED')).toBe(true);
    expect(await readsAfter(counter)).toBe(0);
  });
});
