import { once } from 'node:events';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import type { CheckId } from '../../../../electron/core/packages';
import { rawZip, type PlainEntry, type RawEntry } from '../zip-tools';

/**
 * Archives no well-behaved writer produces, each with the check that must name it: built by hand
 * (rawZip) or from the bytes of a good package. hostile.test.ts asserts each one's verdict; the
 * browser verifier spec checks that the page gives the same verdict as verifyPackage.
 */

export const GiB = 2 ** 30;

export const f = (name: string | Buffer, extra: Partial<RawEntry> = {}): RawEntry => ({
  name,
  data: Buffer.from('content'),
  ...extra,
});
/** a folder entry as `zip -r` writes it */
export const d = (name: string, extra: Partial<RawEntry> = {}): RawEntry =>
  f(name, { data: Buffer.alloc(0), attrs: ((0o040755 << 16) | 0x10) >>> 0, ...extra });

export interface ArchiveSources {
  /** the bytes of a genuine package */
  good: Buffer;
}

export const HOSTILE_ARCHIVES: Array<[string, (sources: ArchiveSources) => Buffer, CheckId, string]> = [
  ['a ".." path', () => rawZip([f('N/a.txt'), f('N/../../evil.txt')]), 'entry-names', '".." path segment'],
  ['an absolute path', () => rawZip([f('N/a.txt'), f('/etc/passwd')]), 'entry-names', 'absolute path'],
  ['a backslash path', () => rawZip([f('N/a.txt'), f('N\\..\\evil.txt')]), 'entry-names', 'backslash'],
  ['a drive letter', () => rawZip([f('N/a.txt'), f('C:/evil.txt')]), 'entry-names', 'drive letter'],
  ['a control character', () => rawZip([f('N/a\u0007.txt')]), 'entry-names', 'control'],
  ['a bidirectional override', () => rawZip([f('N/exe.\u202etxt')]), 'entry-names', 'bidirectional'],
  [
    'a folder entry carrying data',
    () => rawZip([f('N/'), f('N/a.txt')]),
    'entry-types',
    'folder entry that carries data',
  ],
  ['an empty segment', () => rawZip([f('N//a.txt')]), 'entry-names', 'empty path segment'],
  [
    'a name nested absurdly deep',
    () => rawZip([f(`N/${'a/'.repeat(30000)}x`), f('N/a')]),
    'entry-names',
    'nested more than',
  ],
  ['invalid UTF-8', () => rawZip([f(Buffer.from([0x4e, 0x2f, 0xff, 0xfe]))]), 'entry-names', 'UTF-8'],
  [
    'non-ASCII without the UTF-8 flag',
    () => rawZip([f(Buffer.from('N/\u00e9.txt', 'latin1'), { flags: 0 })]),
    'entry-names',
    'UTF-8',
  ],
  [
    'a Unicode Path extra field',
    () => rawZip([f('N/a.txt', { centralExtra: Buffer.from([0x75, 0x70, 0x05, 0x00, 1, 0, 0, 0, 0]) })]),
    'entry-names',
    'Unicode Path',
  ],
  [
    'a symlink',
    () => rawZip([f('N/link', { data: Buffer.from('/etc/passwd'), attrs: (0o120777 << 16) >>> 0 })]),
    'entry-types',
    'symbolic link',
  ],
  ['a directory by its mode', () => rawZip([f('N/d', { attrs: (0o040755 << 16) >>> 0 })]), 'entry-types', 'directory'],
  ['a DOS directory attribute', () => rawZip([f('N/d', { attrs: 0x10, madeBy: 0x0014 })]), 'entry-types', 'directory'],
  [
    'a folder entry that is a link',
    () => rawZip([d('N/d/', { attrs: (0o120777 << 16) >>> 0 }), f('N/d/a.txt')]),
    'entry-types',
    'say more than "directory"',
  ],
  [
    'a folder entry marked as a file',
    () => rawZip([d('N/d/', { attrs: (0o100644 << 16) >>> 0 }), f('N/d/a.txt')]),
    'entry-types',
    'say more than "directory"',
  ],
  [
    'a set-id folder entry',
    () => rawZip([d('N/d/', { attrs: ((0o042755 << 16) | 0x10) >>> 0 }), f('N/d/a.txt')]),
    'entry-types',
    'say more than "directory"',
  ],
  [
    'a hidden folder entry',
    () => rawZip([d('N/d/', { attrs: 0x12, madeBy: 0x0014 }), f('N/d/a.txt')]),
    'entry-types',
    'DOS attributes',
  ],
  ['a deflated folder entry', () => rawZip([d('N/d/', { method: 8 }), f('N/d/a.txt')]), 'entry-types', 'carries data'],
  ['a folder entry for no file', () => rawZip([d('N/'), d('N/x/'), f('N/a.txt')]), 'entry-types', 'for no file'],
  ['a folder entry in another letter case', () => rawZip([d('N/D/'), f('N/d/a.txt')]), 'entry-types', 'for no file'],
  ['a folder entry twice', () => rawZip([d('N/'), d('N/'), f('N/a.txt')]), 'entry-unique', 'more than once'],
  ['a folder entry outside the bag', () => rawZip([d('M/'), f('N/a.txt')]), 'single-folder', 'outside'],
  ['a folder entry with a ".." path', () => rawZip([d('N/../'), f('N/a.txt')]), 'entry-names', '".." path segment'],
  ['a device file', () => rawZip([f('N/dev', { attrs: (0o020644 << 16) >>> 0 })]), 'entry-types', 'regular'],
  [
    'a duplicate name',
    () => rawZip([f('N/a.txt'), f('N/a.txt', { data: Buffer.from('other') })]),
    'entry-unique',
    'more than once',
  ],
  [
    'NFC/NFD twins',
    () => rawZip([f('N/caf\u00e9.txt'), f('N/cafe\u0301.txt')]),
    'entry-unique',
    'Unicode form or letter case',
  ],
  ['case twins', () => rawZip([f('N/A.txt'), f('N/a.txt')]), 'entry-unique', 'letter case'],
  ['a file that is also a folder', () => rawZip([f('N/data'), f('N/data/a.txt')]), 'entry-unique', 'also the folder'],
  ['two top-level folders', () => rawZip([f('N/a.txt'), f('M/b.txt')]), 'single-folder', 'outside'],
  ['a file at the top level', () => rawZip([f('a.txt')]), 'single-folder', 'outside'],
  ['a top folder that is no package name', () => rawZip([f('N N/a.txt')]), 'single-folder', 'not a valid package name'],
  ['an empty archive', () => rawZip([]), 'single-folder', 'empty'],
  [
    'a local name other than the central name',
    () => rawZip([f('N/a.txt', { localName: '../a.txt' })]),
    'zip-structure',
    'different name',
  ],
  [
    'two names sharing one local header',
    () => rawZip([f('N/a.txt'), f('N/b.txt', { sameHeaderAs: 0 })]),
    'zip-structure',
    'overlaps',
  ],
  [
    'bytes hidden before the first entry',
    () => rawZip([f('N/a.txt')], { prefix: Buffer.from('hidden') }),
    'zip-structure',
    'unaccounted bytes',
  ],
  [
    'bytes after the end record',
    () => rawZip([f('N/a.txt')], { trailing: Buffer.from('garbage') }),
    'zip-structure',
    'end-of-central-directory',
  ],
  [
    'an archive comment',
    () => rawZip([f('N/a.txt')], { comment: Buffer.from('hello') }),
    'zip-structure',
    'end-of-central-directory',
  ],
  [
    'a stored entry whose sizes disagree',
    () => rawZip([f('N/a.txt', { compressedSize: 3 })]),
    'zip-structure',
    'two different sizes',
  ],
  ['an encrypted entry', () => rawZip([f('N/a.txt', { flags: 0x0801 })]), 'zip-structure', 'encrypted'],
  [
    'an unknown compression method',
    () => rawZip([f('N/a.txt', { method: 12, stored: Buffer.from('BZh') })]),
    'zip-structure',
    'compression method 12',
  ],
  ['a CRC that lies', () => rawZip([f('N/a.txt', { crc: 1234 })]), 'zip-data', 'CRC-32'],
  [
    'a deflated size that lies low',
    () => rawZip([f('N/a.txt', { method: 8, data: Buffer.alloc(100_000, 1), size: 1000 })]),
    'zip-data',
    'more than the 1000 bytes',
  ],
  [
    'a deflated size that lies high',
    () => rawZip([f('N/a.txt', { method: 8, data: Buffer.alloc(1000, 1), size: 5000 })]),
    'zip-data',
    'not the 5000',
  ],
  [
    'damaged deflate data',
    () => rawZip([f('N/a.txt', { method: 8, stored: Buffer.from([0xff, 0xff, 0xff]) })]),
    'zip-data',
    'damaged compressed data',
  ],
  [
    'a deflate stream cut short',
    () => rawZip([f('N/a.txt', { method: 8, stored: deflateRawSync(Buffer.from('content')).subarray(0, 4) })]),
    'zip-data',
    'damaged compressed data',
  ],
  [
    'bytes hidden after the end of the deflate stream',
    () =>
      rawZip([
        f('N/a.txt', {
          method: 8,
          stored: Buffer.concat([deflateRawSync(Buffer.from('content')), Buffer.from('hidden')]),
        }),
      ]),
    'zip-data',
    'damaged compressed data',
  ],
  [
    'a truncated archive',
    ({ good }) => good.subarray(0, good.length - 100),
    'zip-structure',
    'end-of-central-directory',
  ],
  ['half an archive', ({ good }) => good.subarray(0, good.length >> 1), 'zip-structure', 'end-of-central-directory'],
  [
    'bytes that are no ZIP',
    () => Buffer.from('%PDF-1.7 not a zip at all, just some text that goes on for a while'),
    'zip-structure',
    'end-of-central-directory',
  ],
  ['an empty file', () => Buffer.alloc(0), 'zip-structure', 'empty'],
  ['a few bytes', () => Buffer.from('PK'), 'zip-structure', 'end-of-central-directory'],
];

/** 1 GiB of zeros, raw-deflated (about 1 MiB). */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1 << 20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  for (let i = 0; i < bytes / chunk.length; i++) if (!deflate.write(chunk)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(out);
}

/** ZIP bombs made of `bomb`, a deflate stream of 1 GiB of zeros. */
export const BOMBS = {
  /** declares its 1 GiB: refused on its size before anything is inflated */
  declared: (bomb: Buffer) => rawZip([f('N/zeros.txt', { method: 8, stored: bomb, size: GiB, crc: 0 })]),
  /** declares 1000 bytes: inflating stops at the first surplus byte */
  lying: (bomb: Buffer) =>
    rawZip([f('N/zeros.txt', { method: 8, stored: bomb, size: 1000, crc: crc32(Buffer.alloc(1000)) })]),
  /** twenty entries sharing one deflate stream */
  shared: (bomb: Buffer) =>
    rawZip(
      Array.from({ length: 20 }, (_, i) =>
        f(`N/z${i}.txt`, { method: 8, stored: bomb.subarray(0, 1000), size: 2 ** 30 }),
      ),
    ),
};

/** A genuine package's entries plus one entry whose name climbs out of the folder. */
export function withHostileEntry(entries: readonly PlainEntry[]): Buffer {
  const name = entries[0]!.name.split('/')[0];
  return rawZip([...entries.map((e) => ({ name: e.name, data: e.data })), f(`${name}/data/../../../x`)]);
}
