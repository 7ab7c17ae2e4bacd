import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import {
  countersignPackage,
  verifyPackage,
  writePackage,
  type RosterEntry,
  type Signer,
} from '../../../electron/core/packages';
import { cleanTempDirs, makeSigner, sampleInput, sha256, tempDir, withoutSizes } from './helpers';
import { flip, readZip, rezip, sh } from './zip-tools';

let dir: string;
let analyst: Signer;
let supervisor: Signer;
let source: string;
const N = 'KOMINFO-2026-11-0042';
const at = (s: Signer): RosterEntry => ({ fingerprint: s.fingerprint, name: s.name, unit: s.unit, role: s.role });
const now = new Date('2026-11-29T02:30:00Z');

beforeAll(async () => {
  dir = tempDir();
  analyst = makeSigner('analyst');
  supervisor = makeSigner('supervisor');
  source = (
    await writePackage(sampleInput(analyst).input, join(dir, `${N}.zip`), { now: new Date('2026-11-28T04:00:00Z') })
  ).path;
});
afterAll(cleanTempDirs);

function centralDirectoryOffset(zip: Buffer): number {
  return zip.readUInt32LE(zip.length - 22 + 16);
}

describe('countersignPackage', () => {
  let approved: string;
  beforeAll(async () => {
    approved = join(dir, 'approved', `${N}.zip`);
    sh(`mkdir -p ${join(dir, 'approved')}`, dir);
    await countersignPackage(
      source,
      approved,
      {
        signer: supervisor,
        decision: 'approved',
        comment: 'Disetujui',
        items: [{ file: 'data/report.pdf', verdict: 'ok', comment: 'lengkap' }],
      },
      { now },
    );
  });

  it('is valid-trusted with both in the roster, and only then', async () => {
    expect((await verifyPackage(approved, { roster: [at(analyst), at(supervisor)] })).verdict).toBe('valid-trusted');
    expect((await verifyPackage(approved, { roster: [at(supervisor)] })).verdict).toBe('valid-untrusted');
    const onlyAnalyst = await verifyPackage(approved, { roster: [at(analyst)] });
    expect(onlyAnalyst.verdict).toBe('valid-untrusted');
    expect(onlyAnalyst.trustDetail).toContain(
      `${supervisor.name} (supervisor, ${supervisor.fingerprint.slice(0, 16)})`,
    );
    expect(onlyAnalyst.statements.map((s) => s.trusted)).toEqual([true, false]);
    expect((await verifyPackage(approved)).verdict).toBe('valid-untrusted');
    // a supervisor key listed as an analyst is not a supervisor
    expect((await verifyPackage(approved, { roster: [{ ...at(supervisor), role: 'analyst' }] })).verdict).toBe(
      'valid-untrusted',
    );
  });

  it('copies every original byte and adds the statement that covers the first', async () => {
    const before = readFileSync(source);
    const after = readFileSync(approved);
    const cd = centralDirectoryOffset(before);
    expect(after.subarray(0, cd).equals(before.subarray(0, cd))).toBe(true);
    const entries = await readZip(approved);
    const originals = await readZip(source);
    expect(entries.slice(0, originals.length)).toEqual(originals);
    const fp = supervisor.fingerprint.slice(0, 16);
    expect(entries.slice(originals.length).map((e) => e.name)).toEqual(
      ['json', 'sig', 'pem'].map((x) => `${N}/signatures/2-supervisor-${fp}.${x}`),
    );
    const first = originals.find((e) => e.name.endsWith('.json') && e.name.includes('/signatures/'));
    const statement = JSON.parse(entries.at(-3)!.data.toString()) as Record<string, unknown>;
    expect(Object.keys(statement)).toEqual([
      'format',
      'role',
      'decision',
      'comment',
      'signer',
      'signedAt',
      'bag',
      'covers',
      'review',
    ]);
    expect(statement).toMatchObject({
      role: 'supervisor',
      decision: 'approved',
      comment: 'Disetujui',
      signedAt: '2026-11-29T02:30:00Z',
      covers: [sha256(first!.data)],
    });
    expect(statement.review).toEqual([{ file: 'data/report.pdf', verdict: 'ok', comment: 'lengkap' }]);
  });

  it('verifies by hand with unzip, sha256sum and openssl, both signatures', async () => {
    const work = join(dir, 'approved');
    expect(sh(`unzip -q ${N}.zip`, work).code).toBe(0);
    const bag = join(work, N);
    expect(sh('sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt', bag).code).toBe(0);
    const stems = readdirSync(join(bag, 'signatures'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `signatures/${f.slice(0, -5)}`);
    expect(stems).toHaveLength(2);
    const tagSha = sh('sha256sum tagmanifest-sha256.txt', bag).out.split(' ')[0];
    for (const stem of stems) {
      const r = sh(
        `openssl pkeyutl -verify -pubin -inkey ${stem}.pem -rawin -in ${stem}.json -sigfile ${stem}.sig`,
        bag,
      );
      expect(r.out).toContain('Signature Verified Successfully');
      expect(JSON.parse(readFileSync(join(bag, `${stem}.json`), 'utf8')).bag.tagmanifestSha256).toBe(tagSha);
    }
    // every signer differs: the README's one-liner prints nothing, over two distinct fingerprints
    const signers = sh(`grep -h '^    "fingerprint": ' signatures/*.json`, bag).out.trimEnd().split('\n');
    expect(signers.sort()).toEqual([analyst, supervisor].map((s) => `    "fingerprint": "${s.fingerprint}"`).sort());
    expect(sh(`grep -h '^    "fingerprint": ' signatures/*.json | sort | uniq -d`, bag)).toEqual({ code: 0, out: '' });
    // statement 2 covers the sum of statement 1, as sha256sum prints it
    const sums = sh('sha256sum signatures/*.json', bag)
      .out.trim()
      .split('\n')
      .map((l) => l.split(' ')[0]);
    expect(JSON.parse(readFileSync(join(bag, `${stems[1]}.json`), 'utf8')).covers).toEqual([sums[0]]);
    expect(sh(`unzip -tq ${N}.zip`, work).code).toBe(0);
  });

  it('a second supervisor countersigns again, covering both', async () => {
    const second = makeSigner('supervisor', 'Kepala Direktorat');
    const third = join(dir, 'third.zip');
    const result = await countersignPackage(
      approved,
      third,
      { signer: second, decision: 'returned', comment: 'Lengkapi bukti' },
      { now },
    );
    expect(result.covers).toHaveLength(2);
    expect(result.statementFile).toBe(`signatures/3-supervisor-${second.fingerprint.slice(0, 16)}.json`);
    expect((await verifyPackage(third, { roster: [at(analyst), at(supervisor), at(second)] })).verdict).toBe(
      'valid-trusted',
    );
    const verified = await verifyPackage(third, { roster: [at(analyst), at(supervisor)] });
    expect(verified.verdict).toBe('valid-untrusted'); // a return needs a trusted signer like any statement
    expect(verified.statements.map((s) => s.decision)).toEqual(['submitted', 'approved', 'returned']);
  });

  it('countersigns a package whose entries carry data descriptors', async () => {
    const sample = sampleInput(analyst);
    sample.input.payload = withoutSizes(sample.input.payload);
    const unsized = (await writePackage(sample.input, join(dir, 'unsized.zip'))).path;
    const signed = join(dir, 'unsized-signed.zip');
    await countersignPackage(unsized, signed, { signer: supervisor, decision: 'approved', comment: '' });
    expect((await verifyPackage(signed, { roster: [at(analyst), at(supervisor)] })).verdict).toBe('valid-trusted');
    expect(sh(`unzip -tq ${signed}`, dir).code).toBe(0);
  });

  it('may write over its own source', async () => {
    const copy = join(dir, 'inplace.zip');
    copyFileSync(source, copy);
    await countersignPackage(copy, copy, { signer: supervisor, decision: 'returned', comment: '' });
    expect((await verifyPackage(copy)).statements).toHaveLength(2);
  });

  it('refuses an invalid package with its failing checks, writing nothing', async () => {
    const bad = join(dir, 'bad.zip');
    await rezip(source, bad, (e) => e.map((x) => (x.name.endsWith('report.pdf') ? { ...x, data: flip(x.data) } : x)));
    const out = join(dir, 'refused');
    sh(`mkdir -p ${out}`, dir);
    const err = await countersignPackage(bad, join(out, 'x.zip'), {
      signer: supervisor,
      decision: 'approved',
      comment: '',
    }).catch((e: unknown) => e);
    expect(isJejakError(err, 'INTEGRITY')).toBe(true);
    expect((err as { details: { checks: Array<{ id: string }> } }).details.checks.map((c) => c.id)).toEqual([
      'manifest-sha256',
      'manifest-sha512',
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses an analyst key, a wrong decision and a review of files not in the package', async () => {
    const attempts = [
      { signer: analyst, decision: 'approved' as const, comment: '' },
      { signer: supervisor, decision: 'submitted' as unknown as 'approved', comment: '' },
      {
        signer: supervisor,
        decision: 'approved' as const,
        comment: '',
        items: [{ file: 'data/nope.png', verdict: 'ok' as const, comment: '' }],
      },
    ];
    for (const input of attempts) {
      const err = await countersignPackage(source, join(dir, 'never.zip'), input).catch((e: unknown) => e);
      expect(isJejakError(err, 'INVALID_INPUT')).toBe(true);
    }
    expect(readdirSync(dir)).not.toContain('never.zip');
  });

  it('cancelled, leaves nothing in the destination folder', async () => {
    const big = join(dir, 'big.zip');
    const pdf = Buffer.alloc(64 << 20, 3);
    const sample = sampleInput(analyst, 'BIG-1', { path: 'report.pdf', open: () => Readable.from([pdf]) });
    await writePackage(sample.input, big);
    const out = join(dir, 'cancel');
    sh(`mkdir -p ${out}`, dir);
    const controller = new AbortController();
    const err = await countersignPackage(
      big,
      join(out, 'BIG-1.zip'),
      { signer: supervisor, decision: 'approved', comment: '' },
      {
        signal: controller.signal,
        onProgress: (p) => p.file === 'copy' && p.bytesDone > 8 << 20 && controller.abort(),
      },
    ).catch((e: unknown) => e);
    expect(isJejakError(err, 'CANCELLED')).toBe(true);
    expect(readdirSync(out)).toEqual([]);
  });

  it('keeps a ZIP64 package ZIP64 and valid', async () => {
    const entries = await readZip(source);
    const zip = new ZipFile();
    for (const e of entries) zip.addBuffer(e.data, e.name, { forceZip64Format: true, compress: false });
    zip.end({ forceZip64Format: true, comment: '' });
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    const zip64 = join(dir, 'zip64.zip');
    writeFileSync(zip64, Buffer.concat(chunks));
    expect((await verifyPackage(zip64)).verdict).toBe('valid-untrusted');
    const signed = join(dir, 'zip64-signed.zip');
    await countersignPackage(zip64, signed, { signer: supervisor, decision: 'approved', comment: '' });
    const bytes = readFileSync(signed);
    expect(bytes.readUInt32LE(bytes.length - 42)).toBe(0x07064b50);
    expect((await verifyPackage(signed, { roster: [at(analyst), at(supervisor)] })).verdict).toBe('valid-trusted');
    expect(sh(`unzip -tq ${signed}`, dir).code).toBe(0);
    expect((await readZip(signed)).length).toBe(entries.length + 3);
  });
});
