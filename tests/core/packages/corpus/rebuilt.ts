import { generateKeyPairSync } from 'node:crypto';
import type { CheckId, Signer } from '../../../../electron/core/packages';
import { flip, rawZip, type PlainEntry } from '../zip-tools';

/**
 * A genuine package (the sample case, bag KOMINFO-2026-11-0042) rebuilt as a structurally perfect
 * ZIP with one thing changed, and the checks that must fail. verify.test.ts asserts them; the
 * browser verifier spec compares the page's verdict on each with verifyPackage's.
 */

export const N = 'KOMINFO-2026-11-0042';
export const edit = (name: string, change: (b: Buffer) => Buffer) => (entries: PlainEntry[]) =>
  entries.map((e) => (e.name === `${N}/${name}` ? { ...e, data: change(e.data) } : e));
const derOf = (pem: Buffer): Buffer => Buffer.from(pem.toString().replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
const pemOf = (der: Buffer): Buffer =>
  Buffer.from(
    `-----BEGIN PUBLIC KEY-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PUBLIC KEY-----\n`.replace(
      '\n\n',
      '\n',
    ),
  );
const statement = (ctx: { analyst: Signer }, ext: string) =>
  `signatures/1-analyst-${ctx.analyst.fingerprint.slice(0, 16)}.${ext}`;

export const REBUILT_PACKAGES: Array<[string, (e: PlainEntry[], ctx: { analyst: Signer }) => PlainEntry[], CheckId[]]> =
  [
    ['one byte of report.pdf', edit('data/report.pdf', (b) => flip(b, 3)), ['manifest-sha256', 'manifest-sha512']],
    [
      'one byte of an evidence file',
      (e) => e.map((x) => (x.name.includes('/evidence/002-') ? { ...x, data: flip(x.data, 5) } : x)),
      ['manifest-sha256', 'manifest-sha512', 'evidence-names', 'notice'],
    ],
    [
      'one byte of report.json',
      edit('data/report.json', (b) => Buffer.from(b.toString().replace('telegram', 'telegrap'))),
      ['manifest-sha256', 'manifest-sha512'],
    ],
    [
      'one byte of bagit.txt',
      edit('bagit.txt', (b) => Buffer.from(b.toString().replace('1.0', '1.1'))),
      ['bagit', 'tagmanifest-sha256', 'tagmanifest-sha512'],
    ],
    [
      'one byte of bag-info.txt',
      edit('bag-info.txt', (b) => Buffer.from(b.toString().replace('urgent', 'Urgent'))),
      ['tagmanifest-sha256', 'tagmanifest-sha512'],
    ],
    [
      'a path in manifest-sha256.txt',
      edit('manifest-sha256.txt', (b) => Buffer.from(b.toString().replace('  data/report.pdf', '  data/report.PDF'))),
      ['manifests-complete', 'tagmanifest-sha256', 'tagmanifest-sha512'],
    ],
    [
      'one hash digit of manifest-sha256.txt',
      edit('manifest-sha256.txt', (b) => Buffer.from(b.toString().replace(/^(.)/, (c) => (c === 'a' ? 'b' : 'a')))),
      ['manifest-sha256', 'tagmanifest-sha256', 'tagmanifest-sha512'],
    ],
    [
      'one byte of manifest-sha512.txt',
      edit('manifest-sha512.txt', (b) => Buffer.from(b.toString().replace(/^(.)/, (c) => (c === 'a' ? 'b' : 'a')))),
      ['manifest-sha512', 'tagmanifest-sha256', 'tagmanifest-sha512'],
    ],
    [
      'one byte of tagmanifest-sha256.txt',
      edit('tagmanifest-sha256.txt', (b) => Buffer.from(b.toString().replace(/^(.)/, (c) => (c === 'a' ? 'b' : 'a')))),
      ['tagmanifest-sha256', 'statement-bag'],
    ],
    [
      'one byte of tagmanifest-sha512.txt',
      edit('tagmanifest-sha512.txt', (b) => Buffer.from(b.toString().replace(/^(.)/, (c) => (c === 'a' ? 'b' : 'a')))),
      ['tagmanifest-sha512'],
    ],
    [
      'one byte of the statement',
      (e, ctx) => edit(statement(ctx, 'json'), (b) => Buffer.from(b.toString().replace('submitted"', 'submitteD"')))(e),
      ['statement-format'],
    ],
    [
      'the statement comment',
      (e, ctx) =>
        edit(statement(ctx, 'json'), (b) => Buffer.from(b.toString().replace('"comment": ""', '"comment": "x"')))(e),
      ['signatures-ed25519'],
    ],
    [
      'one byte of the signature',
      (e, ctx) => edit(statement(ctx, 'sig'), (b) => flip(b, 10))(e),
      ['signatures-ed25519'],
    ],
    [
      'a signature of the wrong length',
      (e, ctx) => edit(statement(ctx, 'sig'), (b) => b.subarray(1))(e),
      ['signature-files', 'signatures-ed25519'],
    ],
    [
      'another key in the .pem',
      (e, ctx) =>
        edit(statement(ctx, 'pem'), () =>
          Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString()),
        )(e),
      ['signer-keys', 'signatures-ed25519'],
    ],
    [
      'a private key in the .pem',
      (e, ctx) =>
        edit(statement(ctx, 'pem'), () =>
          Buffer.from(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
        )(e),
      ['signature-files', 'signatures-ed25519'],
    ],
    [
      'an X25519 key in the .pem',
      (e, ctx) =>
        edit(statement(ctx, 'pem'), () =>
          Buffer.from(generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'pem' }).toString()),
        )(e),
      ['signature-files', 'signatures-ed25519'],
    ],
    [
      'the key in DER with a byte after it',
      (e, ctx) => edit(statement(ctx, 'pem'), (b) => pemOf(Buffer.concat([derOf(b), Buffer.from([0])])))(e),
      ['signature-files', 'signatures-ed25519'],
    ],
    [
      'the key with NULL algorithm parameters',
      (e, ctx) =>
        edit(statement(ctx, 'pem'), (b) =>
          pemOf(Buffer.concat([Buffer.from('302c300706032b65700500032100', 'hex'), derOf(b).subarray(12)])),
        )(e),
      ['signature-files', 'signatures-ed25519'],
    ],
    [
      'text around the key block',
      (e, ctx) => edit(statement(ctx, 'pem'), (b) => Buffer.from(`Signer key\n${b.toString()}`))(e),
      ['signature-files', 'signatures-ed25519'],
    ],
    [
      'a payload file removed',
      (e) => e.filter((x) => !x.name.endsWith('/channels.csv')),
      ['layout', 'payload-oxum', 'manifests-complete'],
    ],
    [
      'an evidence file removed',
      (e) => e.filter((x) => !x.name.includes('/evidence/001-')),
      ['payload-oxum', 'manifests-complete', 'report', 'notice'],
    ],
    [
      'a payload file added',
      (e) => [...e, { name: `${N}/data/extra.txt`, data: Buffer.from('x') }],
      ['layout', 'payload-oxum', 'manifests-complete'],
    ],
    [
      'an evidence file added',
      (e) => [...e, { name: `${N}/data/evidence/004-${'0'.repeat(12)}.png`, data: Buffer.from('x') }],
      ['payload-oxum', 'manifests-complete', 'evidence-names', 'report', 'notice'],
    ],
    ['the statement removed', (e) => e.filter((x) => !x.name.includes('/signatures/')), ['signature-files']],
    ['the .sig removed', (e) => e.filter((x) => !x.name.endsWith('.sig')), ['signature-files']],
    ['a file beside the tag files', (e) => [...e, { name: `${N}/notes.txt`, data: Buffer.from('x') }], ['layout']],
    ['a folder renamed', (e) => e.map((x) => ({ ...x, name: x.name.replace(`${N}/`, 'OTHER/') })), ['bag-info']],
  ];

/** One byte flipped inside the stored data of report.pdf, in the written bytes: caught by CRC-32 and the hashes. */
export function flippedStoredByte(zip: Buffer): Buffer {
  return flip(zip, zip.indexOf('%PDF-1.7') + 2);
}

/** The bag folder renamed to another case's NAME. */
export function renamedBag(entries: readonly PlainEntry[]): Buffer {
  return rawZip(entries.map((e) => ({ name: e.name.replace(N, 'KOMINFO-2026-11-0043'), data: e.data })));
}
