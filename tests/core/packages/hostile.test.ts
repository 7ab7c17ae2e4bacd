import { once } from 'node:events';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage, writePackage, type CheckId, type VerifyLimits } from '../../../electron/core/packages';
import { cleanTempDirs, makeSigner, rawZip, readZip, sampleInput, tempDir, type RawEntry } from './helpers';

let dir: string;
let good: Buffer;
let bomb: Buffer;
const GiB = 2 ** 30;

async function deflatedZeros(bytes: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1 << 20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  for (let i = 0; i < bytes / chunk.length; i++) if (!deflate.write(chunk)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(out);
}

beforeAll(async () => {
  dir = tempDir();
  const { path } = await writePackage(sampleInput(makeSigner('analyst')).input, join(dir, 'good.zip'));
  good = readFileSync(path);
  bomb = await deflatedZeros(GiB);
});
afterAll(cleanTempDirs);

/** Verifies bytes, measuring time and peak RSS growth (sampled) along the way. */
async function verifyBytes(bytes: Buffer, limits?: Partial<VerifyLimits>) {
  const path = join(dir, `h-${Math.random().toString(16).slice(2)}.zip`);
  writeFileSync(path, bytes);
  const before = readdirSync(dir).length;
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  const t0 = performance.now();
  try {
    const result = await verifyPackage(path, limits ? { limits } : {});
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(readdirSync(dir).length).toBe(before);
    return { result, ms: performance.now() - t0, rssGrowth: peak - rss0, failed: result.checks.filter((c) => !c.ok).map((c) => c.id) };
  } finally {
    clearInterval(sampler);
  }
}

const f = (name: string | Buffer, extra: Partial<RawEntry> = {}): RawEntry => ({ name, data: Buffer.from('content'), ...extra });
/** a folder entry as `zip -r` writes it */
const d = (name: string, extra: Partial<RawEntry> = {}): RawEntry => f(name, { data: Buffer.alloc(0), attrs: ((0o040755 << 16) | 0x10) >>> 0, ...extra });

describe('hostile archives are invalid, never a crash, naming the check', () => {
  const cases: Array<[string, () => Buffer, CheckId, string]> = [
    ['a ".." path', () => rawZip([f('N/a.txt'), f('N/../../evil.txt')]), 'entry-names', '".." path segment'],
    ['an absolute path', () => rawZip([f('N/a.txt'), f('/etc/passwd')]), 'entry-names', 'absolute path'],
    ['a backslash path', () => rawZip([f('N/a.txt'), f('N\\..\\evil.txt')]), 'entry-names', 'backslash'],
    ['a drive letter', () => rawZip([f('N/a.txt'), f('C:/evil.txt')]), 'entry-names', 'drive letter'],
    ['a control character', () => rawZip([f('N/a\u0007.txt')]), 'entry-names', 'control'],
    ['a bidirectional override', () => rawZip([f('N/exe.\u202etxt')]), 'entry-names', 'bidirectional'],
    ['a folder entry carrying data', () => rawZip([f('N/'), f('N/a.txt')]), 'entry-types', 'folder entry that carries data'],
    ['an empty segment', () => rawZip([f('N//a.txt')]), 'entry-names', 'empty path segment'],
    ['a name nested absurdly deep', () => rawZip([f(`N/${'a/'.repeat(30000)}x`), f('N/a')]), 'entry-names', 'nested more than'],
    ['invalid UTF-8', () => rawZip([f(Buffer.from([0x4e, 0x2f, 0xff, 0xfe]))]), 'entry-names', 'UTF-8'],
    ['non-ASCII without the UTF-8 flag', () => rawZip([f(Buffer.from('N/\u00e9.txt', 'latin1'), { flags: 0 })]), 'entry-names', 'UTF-8'],
    ['a Unicode Path extra field', () => rawZip([f('N/a.txt', { centralExtra: Buffer.from([0x75, 0x70, 0x05, 0x00, 1, 0, 0, 0, 0]) })]), 'entry-names', 'Unicode Path'],
    ['a symlink', () => rawZip([f('N/link', { data: Buffer.from('/etc/passwd'), attrs: (0o120777 << 16) >>> 0 })]), 'entry-types', 'symbolic link'],
    ['a directory by its mode', () => rawZip([f('N/d', { attrs: (0o040755 << 16) >>> 0 })]), 'entry-types', 'directory'],
    ['a DOS directory attribute', () => rawZip([f('N/d', { attrs: 0x10, madeBy: 0x0014 })]), 'entry-types', 'directory'],
    ['a folder entry that is a link', () => rawZip([d('N/d/', { attrs: (0o120777 << 16) >>> 0 }), f('N/d/a.txt')]), 'entry-types', 'say more than "directory"'],
    ['a folder entry marked as a file', () => rawZip([d('N/d/', { attrs: (0o100644 << 16) >>> 0 }), f('N/d/a.txt')]), 'entry-types', 'say more than "directory"'],
    ['a set-id folder entry', () => rawZip([d('N/d/', { attrs: ((0o042755 << 16) | 0x10) >>> 0 }), f('N/d/a.txt')]), 'entry-types', 'say more than "directory"'],
    ['a hidden folder entry', () => rawZip([d('N/d/', { attrs: 0x12, madeBy: 0x0014 }), f('N/d/a.txt')]), 'entry-types', 'DOS attributes'],
    ['a deflated folder entry', () => rawZip([d('N/d/', { method: 8 }), f('N/d/a.txt')]), 'entry-types', 'carries data'],
    ['a folder entry for no file', () => rawZip([d('N/'), d('N/x/'), f('N/a.txt')]), 'entry-types', 'for no file'],
    ['a folder entry in another letter case', () => rawZip([d('N/D/'), f('N/d/a.txt')]), 'entry-types', 'for no file'],
    ['a folder entry twice', () => rawZip([d('N/'), d('N/'), f('N/a.txt')]), 'entry-unique', 'more than once'],
    ['a folder entry outside the bag', () => rawZip([d('M/'), f('N/a.txt')]), 'single-folder', 'outside'],
    ['a folder entry with a ".." path', () => rawZip([d('N/../'), f('N/a.txt')]), 'entry-names', '".." path segment'],
    ['a device file', () => rawZip([f('N/dev', { attrs: (0o020644 << 16) >>> 0 })]), 'entry-types', 'regular'],
    ['a duplicate name', () => rawZip([f('N/a.txt'), f('N/a.txt', { data: Buffer.from('other') })]), 'entry-unique', 'more than once'],
    ['NFC/NFD twins', () => rawZip([f('N/caf\u00e9.txt'), f('N/cafe\u0301.txt')]), 'entry-unique', 'Unicode form or letter case'],
    ['case twins', () => rawZip([f('N/A.txt'), f('N/a.txt')]), 'entry-unique', 'letter case'],
    ['a file that is also a folder', () => rawZip([f('N/data'), f('N/data/a.txt')]), 'entry-unique', 'also the folder'],
    ['two top-level folders', () => rawZip([f('N/a.txt'), f('M/b.txt')]), 'single-folder', 'outside'],
    ['a file at the top level', () => rawZip([f('a.txt')]), 'single-folder', 'outside'],
    ['a top folder that is no package name', () => rawZip([f('N N/a.txt')]), 'single-folder', 'not a valid package name'],
    ['an empty archive', () => rawZip([]), 'single-folder', 'empty'],
    ['a local name other than the central name', () => rawZip([f('N/a.txt', { localName: '../a.txt' })]), 'zip-structure', 'different name'],
    ['two names sharing one local header', () => rawZip([f('N/a.txt'), f('N/b.txt', { sameHeaderAs: 0 })]), 'zip-structure', 'overlaps'],
    ['bytes hidden before the first entry', () => rawZip([f('N/a.txt')], { prefix: Buffer.from('hidden') }), 'zip-structure', 'unaccounted bytes'],
    ['bytes after the end record', () => rawZip([f('N/a.txt')], { trailing: Buffer.from('garbage') }), 'zip-structure', 'end-of-central-directory'],
    ['an archive comment', () => rawZip([f('N/a.txt')], { comment: Buffer.from('hello') }), 'zip-structure', 'end-of-central-directory'],
    ['a stored entry whose sizes disagree', () => rawZip([f('N/a.txt', { compressedSize: 3 })]), 'zip-structure', 'two different sizes'],
    ['an encrypted entry', () => rawZip([f('N/a.txt', { flags: 0x0801 })]), 'zip-structure', 'encrypted'],
    ['an unknown compression method', () => rawZip([f('N/a.txt', { method: 12, stored: Buffer.from('BZh') })]), 'zip-structure', 'compression method 12'],
    ['a CRC that lies', () => rawZip([f('N/a.txt', { crc: 1234 })]), 'zip-data', 'CRC-32'],
    ['a deflated size that lies low', () => rawZip([f('N/a.txt', { method: 8, data: Buffer.alloc(100_000, 1), size: 1000 })]), 'zip-data', 'more than the 1000 bytes'],
    ['a deflated size that lies high', () => rawZip([f('N/a.txt', { method: 8, data: Buffer.alloc(1000, 1), size: 5000 })]), 'zip-data', 'not the 5000'],
    ['damaged deflate data', () => rawZip([f('N/a.txt', { method: 8, stored: Buffer.from([0xff, 0xff, 0xff]) })]), 'zip-data', 'damaged compressed data'],
    ['a truncated archive', () => good.subarray(0, good.length - 100), 'zip-structure', 'end-of-central-directory'],
    ['half an archive', () => good.subarray(0, good.length >> 1), 'zip-structure', 'end-of-central-directory'],
    ['bytes that are no ZIP', () => Buffer.from('%PDF-1.7 not a zip at all, just some text that goes on for a while'), 'zip-structure', 'end-of-central-directory'],
    ['an empty file', () => Buffer.alloc(0), 'zip-structure', 'empty'],
    ['a few bytes', () => Buffer.from('PK'), 'zip-structure', 'end-of-central-directory'],
  ];
  it.each(cases)('%s', async (_label, make, id, detail) => {
    const { result, failed } = await verifyBytes(make());
    expect(result.verdict).toBe('invalid');
    expect(failed).toContain(id);
    expect(result.checks.find((c) => c.id === id)?.detail).toContain(detail);
  });

  it('a ZIP bomb declaring its size is refused before anything is inflated', async () => {
    const { result, ms, rssGrowth, failed } = await verifyBytes(rawZip([f('N/zeros.txt', { method: 8, stored: bomb, size: GiB, crc: 0 })]));
    expect(result.verdict).toBe('invalid');
    expect(failed).toContain('zip-limits');
    expect(result.checks.find((c) => c.id === 'zip-limits')?.detail).toContain('would expand');
    expect(failed).not.toContain('zip-data');
    expect(ms).toBeLessThan(1000);
    expect(rssGrowth).toBeLessThan(64 * 2 ** 20);
  });

  it('a ZIP bomb lying about its size stops at the first surplus byte', async () => {
    const { result, ms, rssGrowth } = await verifyBytes(rawZip([f('N/zeros.txt', { method: 8, stored: bomb, size: 1000, crc: crc32(Buffer.alloc(1000)) })]));
    expect(result.checks.find((c) => c.id === 'zip-data')?.detail).toContain('more than the 1000 bytes it declares');
    expect(ms).toBeLessThan(1000);
    expect(rssGrowth).toBeLessThan(64 * 2 ** 20);
  });

  it('many bombs sharing one deflate stream are refused on their sizes', async () => {
    const entries = Array.from({ length: 20 }, (_, i) => f(`N/z${i}.txt`, { method: 8, stored: bomb.subarray(0, 1000), size: 2 ** 30 }));
    const { failed, ms } = await verifyBytes(rawZip(entries));
    expect(failed).toContain('zip-limits');
    expect(ms).toBeLessThan(1000);
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
    const entries = await readZip(join(dir, 'good.zip'));
    const name = entries[0]!.name.split('/')[0];
    const { failed } = await verifyBytes(rawZip([...entries.map((e) => ({ name: e.name, data: e.data })), f(`${name}/data/../../../x`)]));
    expect(failed).toContain('entry-names');
  });
});
