import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import { countersignPackage, verifyFolder, verifyPackage, writePackage, type RosterEntry, type Signer } from '../../../electron/core/packages';
import { attachTimestamps, timestampRequests } from '../../../electron/core/timestamps/package-timestamps';
import { ageEncrypt, ageKeygen } from '../../fixtures/age';
import { makeTestTsa, type TestTsa } from '../../fixtures/tsa';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from '../packages/helpers';

let dir: string;
let tsa: TestTsa;
let otherTsa: TestTsa;
let analyst: Signer;
let supervisor: Signer;
/** analyst submitted, supervisor approved: two statements */
let approved: string;
const NAME = 'KOMINFO-2026-11-0042';
const roster = (): RosterEntry[] => [analyst, supervisor].map((s) => ({ fingerprint: s.fingerprint, name: s.name, unit: s.unit, role: s.role }));

/** The TSA's answers to every request for `pkg`, by request file name. */
async function answers(pkg: string, from: TestTsa = tsa, signer = 'tsa'): Promise<Array<{ name: string; bytes: Buffer }>> {
  return (await timestampRequests(pkg)).map((r) => ({ name: r.fileName.replace(/\.tsq$/, '.tsr'), bytes: from.reply(Buffer.from(r.der), signer) }));
}

/** The package unzipped, changed by `edit` (given the bag folder), and zipped again with zip -r. */
function forged(source: string, edit: (bag: string) => void): string {
  const work = tempDir();
  execFileSync('unzip', ['-q', source, '-d', work]);
  edit(join(work, NAME));
  const out = join(tempDir(), `${NAME}.zip`);
  execFileSync('zip', ['-qr', out, NAME], { cwd: work });
  return out;
}

const statementFiles = (bag: string) => readdirSync(join(bag, 'signatures')).filter((f) => f.endsWith('.json')).sort();

beforeAll(async () => {
  dir = tempDir();
  tsa = makeTestTsa(join(dir, 'tsa'));
  tsa.issue('expired', { startDate: '20200101000000Z', endDate: '20210101000000Z' });
  otherTsa = makeTestTsa(join(dir, 'other-tsa'), 'Some Other Root');
  analyst = makeSigner('analyst');
  supervisor = makeSigner('supervisor');
  const plain = (await writePackage(sampleInput(analyst).input, join(dir, `${NAME}.zip`), { now: new Date('2026-11-28T04:00:00Z') })).path;
  mkdirSync(join(dir, 'approved'));
  approved = (await countersignPackage(plain, join(dir, 'approved', `${NAME}.zip`), { signer: supervisor, decision: 'approved', comment: 'ok' })).path;
}, 60_000);
afterAll(cleanTempDirs);

describe('time-stamp requests', () => {
  it('are one RFC 3161 request per statement: its SHA-256, a fresh nonce, certReq, nothing else', async () => {
    const requests = await timestampRequests(approved);
    expect(requests.map((r) => r.fileName)).toEqual([`1-${analyst.fingerprint.slice(0, 16)}.tsq`, `2-${supervisor.fingerprint.slice(0, 16)}.tsq`]);
    const bag = join(tempDir(), 'x');
    execFileSync('unzip', ['-q', approved, '-d', bag]);
    const text = (r: (typeof requests)[number]) => {
      writeFileSync(join(bag, r.fileName), r.der);
      return execFileSync('openssl', ['ts', '-query', '-in', join(bag, r.fileName), '-text'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    };
    const imprint = (t: string) => /Message data:\n([\s\S]*?)\n[A-Z]/.exec(t)?.[1];
    for (const r of requests) {
      const got = text(r);
      expect(got).toMatch(/Hash Algorithm: sha256/);
      expect(got).toMatch(/Certificate required: yes/);
      expect(got).toMatch(/Nonce: 0x[0-9A-F]{16}/);
      const reference = execFileSync('openssl', ['ts', '-query', '-data', join(bag, NAME, r.statement), '-sha256', '-text'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      expect(imprint(got)).toBe(imprint(reference));
    }
    const again = await timestampRequests(approved);
    expect(/Nonce: (\S+)/.exec(text(again[0]!))![1]).not.toBe(/Nonce: (\S+)/.exec(text(requests[0]!))![1]);
  });
});

describe('a package stamped by a real TSA', () => {
  let stamped: string;
  beforeAll(async () => {
    stamped = (await attachTimestamps(approved, join(tempDir(), `${NAME}.zip`), await answers(approved), { tsaRoots: [tsa.rootPem] })).path;
  });

  it('verifies in Jejak with the time confirmed per statement, and with openssl ts -verify by hand', async () => {
    const result = await verifyPackage(stamped, { roster: roster(), tsaRoots: [tsa.rootPem] });
    expect(result.verdict).toBe('valid-trusted');
    expect(result.checks.find((c) => c.id === 'timestamps')).toMatchObject({ ok: true, detail: expect.stringMatching(/^statement 1: stamped by Test TSA at 20\d\d-.*Z; statement 2: stamped by Test TSA/) });
    expect(result.timestamps.map((t) => [t.seq, t.tsa, t.trusted])).toEqual([[1, 'Test TSA', true], [2, 'Test TSA', true]]);
    const out = tempDir();
    execFileSync('unzip', ['-q', stamped, '-d', out]);
    const bag = join(out, NAME);
    for (const json of statementFiles(bag)) {
      const stem = json.replace(/\.json$/, '');
      const tsr = `timestamps/${stem.split('-')[0]}-${stem.split('-')[2]}.tsr`;
      const byHand = execFileSync('openssl', ['ts', '-verify', '-data', `signatures/${json}`, '-in', tsr, '-CAfile', tsa.rootFile], { cwd: bag, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      expect(byHand).toMatch(/Verification: OK/);
    }
    // the unzipped bag checks the same
    expect((await verifyFolder(bag, { roster: roster(), tsaRoots: [tsa.rootPem] })).timestamps).toEqual(result.timestamps);
    // the tokens sit outside the tag manifests: a later countersignature keeps them valid
    expect(readFileSync(join(bag, 'tagmanifest-sha256.txt'), 'utf8')).not.toMatch(/timestamps/);
  });

  it('an untrusted TSA leaves the package valid but untrusted, naming the TSA; no TSA roots is the same', async () => {
    const elsewhere = await attachTimestamps(approved, join(tempDir(), `${NAME}.zip`), await answers(approved, otherTsa), { tsaRoots: [tsa.rootPem] });
    expect(elsewhere.attached.every((a) => !a.trusted)).toBe(true);
    const result = await verifyPackage(elsewhere.path, { roster: roster(), tsaRoots: [tsa.rootPem] });
    expect(result.verdict).toBe('valid-untrusted');
    expect(result.checks.every((c) => c.ok)).toBe(true);
    expect(result.trustDetail).toMatch(/The time of statement 1 is not confirmed: timestamps\/1-[0-9a-f]{16}\.tsr is by Test TSA, and its certificate does not chain to a trusted TSA root/);
    const noRoots = await verifyPackage(stamped, { roster: roster() });
    expect(noRoots.verdict).toBe('valid-untrusted');
    expect(noRoots.trustDetail).toMatch(/no TSA roots are configured/);
  });

  it('a token for another statement, an expired TSA, a flipped byte and a stray name each fail the timestamps check by name', async () => {
    const cases: Array<[string, string, RegExp]> = [];
    const t1 = `1-${analyst.fingerprint.slice(0, 16)}.tsr`;
    const t2 = `2-${supervisor.fingerprint.slice(0, 16)}.tsr`;
    cases.push(['another statement', forged(stamped, (bag) => copyFileSync(join(bag, 'timestamps', t1), join(bag, 'timestamps', t2))), new RegExp(`timestamps/${t2} stamps another file's SHA-256`)]);
    const expired = (await answers(approved, tsa, 'expired'))[0]!;
    cases.push(['expired TSA', forged(approved, (bag) => (mkdirSync(join(bag, 'timestamps')), writeFileSync(join(bag, 'timestamps', t1), expired.bytes))), /is signed by "Test TSA", whose certificate was not valid at .* \(valid 2020-01-01T00:00:00\.000Z to 2021-01-01T00:00:00\.000Z\)/]);
    cases.push([
      'flipped byte in the time',
      forged(stamped, (bag) => {
        const token = readFileSync(join(bag, 'timestamps', t1));
        const at = token.indexOf(Buffer.from(String(new Date().getUTCFullYear())));
        token[at + 3]! ^= 1;
        writeFileSync(join(bag, 'timestamps', t1), token);
      }),
      /has a CMS signature that does not verify/,
    ]);
    cases.push(['stray name', forged(stamped, (bag) => copyFileSync(join(bag, 'timestamps', t1), join(bag, 'timestamps', `9-${analyst.fingerprint.slice(0, 16)}.tsr`))), /names no statement of this package/]);
    for (const [what, pkg, expected] of cases) {
      const result = await verifyPackage(pkg, { roster: roster(), tsaRoots: [tsa.rootPem] });
      expect(result.verdict, what).toBe('invalid');
      expect(result.checks.filter((c) => !c.ok).map((c) => c.id), what).toEqual(['timestamps']);
      expect(result.checks.find((c) => c.id === 'timestamps')!.detail, what).toMatch(expected);
    }
  });

  it('attach refuses a token that does not check, one for another package, and a second token for a statement', async () => {
    const out = tempDir();
    const expired = await answers(approved, tsa, 'expired');
    await expect(attachTimestamps(approved, join(out, 'x.zip'), expired)).rejects.toSatisfy((e) => isJejakError(e, 'INTEGRITY') && /was not valid at/.test((e as Error).message));
    const foreign = await writePackage(sampleInput(analyst, 'OTHER-1').input, join(tempDir(), 'OTHER-1.zip'));
    await expect(attachTimestamps(approved, join(out, 'x.zip'), await answers(foreign.path))).rejects.toSatisfy((e) => isJejakError(e, 'INTEGRITY') && /stamps none of this package's statements/.test((e as Error).message));
    await expect(attachTimestamps(stamped, join(out, 'x.zip'), (await answers(approved)).slice(0, 1))).rejects.toSatisfy((e) => isJejakError(e, 'INVALID_INPUT') && /already has a time-stamp/.test((e as Error).message));
    expect(readdirSync(out)).toEqual([]);
  });

  it('an encrypted package is stamped into an encrypted one, its plaintext never written', async () => {
    const key = ageKeygen(tempDir());
    const sealed = join(tempDir(), `${NAME}.zip.age`);
    ageEncrypt([key.recipient], approved, sealed);
    const requests = await timestampRequests(sealed, { ageIdentities: [key.identity] });
    const tokens = requests.map((r) => ({ name: r.fileName, bytes: tsa.reply(Buffer.from(r.der)) }));
    const out = tempDir();
    await expect(attachTimestamps(sealed, join(out, `${NAME}.zip`), tokens, { ageIdentities: [key.identity] })).rejects.toSatisfy((e) => isJejakError(e, 'INVALID_INPUT'));
    expect(readdirSync(out)).toEqual([]);
    const result = await attachTimestamps(sealed, join(out, `${NAME}.zip.age`), tokens, { ageIdentities: [key.identity], encryptFor: [key.recipient] });
    expect(readFileSync(result.path).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    const verified = await verifyPackage(result.path, { ageIdentities: [key.identity], roster: roster(), tsaRoots: [tsa.rootPem] });
    expect(verified).toMatchObject({ verdict: 'valid-trusted', encrypted: true });
    expect(verified.timestamps).toHaveLength(2);
  });

  it('a package with no time-stamps is fine', async () => {
    const result = await verifyPackage(approved, { roster: roster(), tsaRoots: [tsa.rootPem] });
    expect(result.verdict).toBe('valid-trusted');
    expect(result.checks.find((c) => c.id === 'timestamps')).toEqual({ id: 'timestamps', ok: true, detail: 'no time-stamp tokens (they are optional)' });
  });
});
