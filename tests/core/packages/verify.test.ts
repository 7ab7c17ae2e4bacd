import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import { verifyPackage, writePackage, type CheckId, type Signer } from '../../../electron/core/packages';
import { cleanTempDirs, flip, makeSigner, rawZip, readZip, rezip, sampleInput, tempDir, type PlainEntry } from './helpers';

let dir: string;
let good: string;
let analyst: Signer;

beforeAll(async () => {
  dir = tempDir();
  analyst = makeSigner('analyst');
  good = (await writePackage(sampleInput(analyst).input, join(dir, 'good.zip'), { now: new Date('2026-11-28T04:00:00Z') })).path;
});
afterAll(cleanTempDirs);

const N = 'KOMINFO-2026-11-0042';
const edit = (name: string, change: (b: Buffer) => Buffer) => (entries: PlainEntry[]) => entries.map((e) => (e.name === `${N}/${name}` ? { ...e, data: change(e.data) } : e));
const statement = (ext: string) => `signatures/1-analyst-${analyst.fingerprint.slice(0, 16)}.${ext}`;

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

  const cases: Array<[string, (e: PlainEntry[]) => PlainEntry[], CheckId[]]> = [
    ['one byte of report.pdf', edit('data/report.pdf', (b) => flip(b, 3)), ['manifest-sha256', 'manifest-sha512']],
    ['one byte of an evidence file', (e) => e.map((x) => (x.name.includes('/evidence/002-') ? { ...x, data: flip(x.data, 5) } : x)), ['manifest-sha256', 'manifest-sha512', 'evidence-names', 'notice']],
    ['one byte of report.json', edit('data/report.json', (b) => Buffer.from(b.toString().replace('telegram', 'telegrap'))), ['manifest-sha256', 'manifest-sha512']],
    ['one byte of bagit.txt', edit('bagit.txt', (b) => Buffer.from(b.toString().replace('1.0', '1.1'))), ['bagit', 'tagmanifest-sha256', 'tagmanifest-sha512']],
    ['one byte of bag-info.txt', edit('bag-info.txt', (b) => Buffer.from(b.toString().replace('urgent', 'Urgent'))), ['tagmanifest-sha256', 'tagmanifest-sha512']],
    ['a path in manifest-sha256.txt', edit('manifest-sha256.txt', (b) => Buffer.from(b.toString().replace('  data/report.pdf', '  data/report.PDF'))), ['manifests-complete', 'tagmanifest-sha256', 'tagmanifest-sha512']],
    ['one hash digit of manifest-sha256.txt', edit('manifest-sha256.txt', (b) => Buffer.from(b.toString().replace(/^(.)/, (c) => (c === 'a' ? 'b' : 'a')))), ['manifest-sha256', 'tagmanifest-sha256', 'tagmanifest-sha512']],
    ['one byte of manifest-sha512.txt', edit('manifest-sha512.txt', (b) => Buffer.from(b.toString().replace(/^(.)/, (c) => (c === 'a' ? 'b' : 'a')))), ['manifest-sha512', 'tagmanifest-sha256', 'tagmanifest-sha512']],
    ['one byte of tagmanifest-sha256.txt', edit('tagmanifest-sha256.txt', (b) => Buffer.from(b.toString().replace(/^(.)/, (c) => (c === 'a' ? 'b' : 'a')))), ['tagmanifest-sha256', 'statement-bag']],
    ['one byte of tagmanifest-sha512.txt', edit('tagmanifest-sha512.txt', (b) => Buffer.from(b.toString().replace(/^(.)/, (c) => (c === 'a' ? 'b' : 'a')))), ['tagmanifest-sha512']],
    ['one byte of the statement', (e) => edit(statement('json'), (b) => Buffer.from(b.toString().replace('submitted"', 'submitteD"')))(e), ['statement-format']],
    ['the statement comment', (e) => edit(statement('json'), (b) => Buffer.from(b.toString().replace('"comment": ""', '"comment": "x"')))(e), ['signatures-ed25519']],
    ['one byte of the signature', (e) => edit(statement('sig'), (b) => flip(b, 10))(e), ['signatures-ed25519']],
    ['a signature of the wrong length', (e) => edit(statement('sig'), (b) => b.subarray(1))(e), ['signature-files', 'signatures-ed25519']],
    [
      'another key in the .pem',
      (e) => edit(statement('pem'), () => Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString()))(e),
      ['signer-keys', 'signatures-ed25519'],
    ],
    ['a private key in the .pem', (e) => edit(statement('pem'), () => Buffer.from(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()))(e), ['signature-files', 'signatures-ed25519']],
    ['a payload file removed', (e) => e.filter((x) => !x.name.endsWith('/channels.csv')), ['layout', 'payload-oxum', 'manifests-complete']],
    ['an evidence file removed', (e) => e.filter((x) => !x.name.includes('/evidence/001-')), ['payload-oxum', 'manifests-complete', 'report', 'notice']],
    ['a payload file added', (e) => [...e, { name: `${N}/data/extra.txt`, data: Buffer.from('x') }], ['layout', 'payload-oxum', 'manifests-complete']],
    ['an evidence file added', (e) => [...e, { name: `${N}/data/evidence/004-${'0'.repeat(12)}.png`, data: Buffer.from('x') }], ['payload-oxum', 'manifests-complete', 'evidence-names', 'report', 'notice']],
    ['the statement removed', (e) => e.filter((x) => !x.name.includes('/signatures/')), ['signature-files']],
    ['the .sig removed', (e) => e.filter((x) => !x.name.endsWith('.sig')), ['signature-files']],
    ['a file beside the tag files', (e) => [...e, { name: `${N}/notes.txt`, data: Buffer.from('x') }], ['layout']],
    ['a folder renamed', (e) => e.map((x) => ({ ...x, name: x.name.replace(`${N}/`, 'OTHER/') })), ['bag-info']],
  ];
  it.each(cases)('%s is caught', async (_label, change, expected) => {
    expect(await failing(change)).toEqual(expected);
  });
});

describe('verifyPackage on the written bytes', () => {
  it('catches one flipped byte of stored data through its CRC-32 and hashes', async () => {
    const bytes = readFileSync(good);
    const at = bytes.indexOf('%PDF-1.7');
    const path = join(dir, 'flipped.zip');
    writeFileSync(path, flip(bytes, at + 2));
    const result = await verifyPackage(path);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['zip-data', 'manifest-sha256', 'manifest-sha512']);
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
    const entries = await readZip(good);
    writeFileSync(join(dir, 'renamed.zip'), rawZip(entries.map((e) => ({ name: e.name.replace(N, 'KOMINFO-2026-11-0043'), data: e.data }))));
    const result = await verifyPackage(join(dir, 'renamed.zip'));
    expect(result.checks.find((c) => c.id === 'bag-info')?.detail).toContain('is not NAME for the External-Identifier');
  });
});
