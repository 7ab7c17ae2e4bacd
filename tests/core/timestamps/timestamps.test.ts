import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import {
  countersignPackage,
  verifyFolder,
  verifyPackage,
  writePackage,
  type RosterEntry,
  type Signer,
} from '../../../electron/core/packages';
import { rejudge } from '../../../electron/core/packages/verify-source';
import { timestampRequests } from '../../../electron/core/timestamps/package-timestamps';
import { attachTimestamps } from '../../../electron/core/review/attach-timestamps';
import { ageEncrypt, ageKeygen } from '../../fixtures/age';
import { stampedCorpus, tsaAnswers, type StampedCorpus } from '../packages/corpus/timestamps';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from '../packages/helpers';

let dir: string;
let analyst: Signer;
let supervisor: Signer;
/** analyst submitted, supervisor approved: two statements */
let approved: string;
const NAME = 'KOMINFO-2026-11-0042';
const roster = (): RosterEntry[] =>
  [analyst, supervisor].map((s) => ({ fingerprint: s.fingerprint, name: s.name, unit: s.unit, role: s.role }));

const statementFiles = (bag: string) =>
  readdirSync(join(bag, 'signatures'))
    .filter((f) => f.endsWith('.json'))
    .sort();

beforeAll(async () => {
  dir = tempDir();
  analyst = makeSigner('analyst');
  supervisor = makeSigner('supervisor');
  const plain = (
    await writePackage(sampleInput(analyst).input, join(dir, `${NAME}.zip`), { now: new Date('2026-11-28T04:00:00Z') })
  ).path;
  mkdirSync(join(dir, 'approved'));
  approved = (
    await countersignPackage(plain, join(dir, 'approved', `${NAME}.zip`), {
      signer: supervisor,
      decision: 'approved',
      comment: 'ok',
    })
  ).path;
}, 60_000);
afterAll(cleanTempDirs);

describe('time-stamp requests', () => {
  it('are one RFC 3161 request per statement: its SHA-256, a fresh nonce, certReq, nothing else', async () => {
    const requests = await timestampRequests(approved);
    expect(requests.map((r) => r.fileName)).toEqual([
      `1-${analyst.fingerprint.slice(0, 16)}.tsq`,
      `2-${supervisor.fingerprint.slice(0, 16)}.tsq`,
    ]);
    const bag = join(tempDir(), 'x');
    execFileSync('unzip', ['-q', approved, '-d', bag]);
    const text = (r: (typeof requests)[number]) => {
      writeFileSync(join(bag, r.fileName), r.der);
      return execFileSync('openssl', ['ts', '-query', '-in', join(bag, r.fileName), '-text'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    };
    const imprint = (t: string) => /Message data:\n([\s\S]*?)\n[A-Z]/.exec(t)?.[1];
    for (const r of requests) {
      const got = text(r);
      expect(got).toMatch(/Hash Algorithm: sha256/);
      expect(got).toMatch(/Certificate required: yes/);
      expect(got).toMatch(/Nonce: 0x[0-9A-F]{16}/);
      const reference = execFileSync(
        'openssl',
        ['ts', '-query', '-data', join(bag, NAME, r.statement), '-sha256', '-text'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      );
      expect(imprint(got)).toBe(imprint(reference));
    }
    const again = await timestampRequests(approved);
    expect(/Nonce: (\S+)/.exec(text(again[0]!))![1]).not.toBe(/Nonce: (\S+)/.exec(text(requests[0]!))![1]);
  });
});

describe('a package stamped by a real TSA', () => {
  let stamped: string;
  let corpus: StampedCorpus;
  beforeAll(async () => {
    corpus = await stampedCorpus(tempDir(), approved, roster());
    stamped = corpus.stamped;
  }, 60_000);

  it('verifies in Jejak with the time stamped per statement, and with openssl ts -verify by hand', async () => {
    const result = await verifyPackage(stamped, { roster: roster(), tsaRoots: [corpus.tsa.rootPem] });
    expect(result.verdict).toBe('valid-trusted');
    expect(result.checks.find((c) => c.id === 'timestamps')).toMatchObject({
      ok: true,
      detail: expect.stringMatching(
        /^statement 1: stamped by Test TSA at 20\d\d-.*Z; statement 2: stamped by Test TSA/,
      ),
    });
    expect(result.timestamps.map((t) => [t.seq, t.tsa, t.trusted])).toEqual([
      [1, 'Test TSA', true],
      [2, 'Test TSA', true],
    ]);
    const out = tempDir();
    execFileSync('unzip', ['-q', stamped, '-d', out]);
    const bag = join(out, NAME);
    for (const json of statementFiles(bag)) {
      const stem = json.replace(/\.json$/, '');
      const tsr = `timestamps/${stem.split('-')[0]}-${stem.split('-')[2]}.tsr`;
      const byHand = execFileSync(
        'openssl',
        ['ts', '-verify', '-data', `signatures/${json}`, '-in', tsr, '-CAfile', corpus.tsa.rootFile],
        { cwd: bag, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      );
      expect(byHand).toMatch(/Verification: OK/);
    }
    // the unzipped bag checks the same
    expect((await verifyFolder(bag, { roster: roster(), tsaRoots: [corpus.tsa.rootPem] })).timestamps).toEqual(
      result.timestamps,
    );
    // the tokens sit outside the tag manifests: a later countersignature keeps them valid
    expect(readFileSync(join(bag, 'tagmanifest-sha256.txt'), 'utf8')).not.toMatch(/timestamps/);
  });

  it('every stamped package of the corpus gets its verdict: an untrusted or unrooted TSA valid but untrusted, each bad token a named timestamps failure', async () => {
    for (const c of corpus.cases) {
      const result = await verifyPackage(c.path, { roster: c.roster, tsaRoots: c.tsaRoots });
      expect(result.verdict, c.label).toBe(c.verdict);
      expect(
        result.checks.filter((x) => !x.ok).map((x) => x.id),
        c.label,
      ).toEqual(c.failing);
      if (c.says)
        expect(
          c.failing.length > 0 ? result.checks.find((x) => x.id === 'timestamps')!.detail : result.trustDetail,
          c.label,
        ).toMatch(c.says);
      // an intact token in an invalid package confirms no time
      if (c.verdict === 'invalid')
        expect(
          result.timestamps.filter((t) => t.trusted),
          c.label,
        ).toEqual([]);
    }
  });

  it('trust in a TSA is judged again for other roots without reading the package again', async () => {
    const unrooted = await verifyPackage(stamped, { roster: roster() });
    expect(unrooted.verdict).toBe('valid-untrusted');
    const rooted = await rejudge(unrooted, { roster: roster(), tsaRoots: [corpus.tsa.rootPem] });
    const direct = await verifyPackage(stamped, { roster: roster(), tsaRoots: [corpus.tsa.rootPem] });
    expect({ verdict: rooted.verdict, trustDetail: rooted.trustDetail, timestamps: rooted.timestamps }).toEqual({
      verdict: direct.verdict,
      trustDetail: direct.trustDetail,
      timestamps: direct.timestamps,
    });
    expect((await rejudge(rooted, { roster: roster(), tsaRoots: [] })).trustDetail).toBe(unrooted.trustDetail);
  });

  it('attach refuses a token that does not check, one for another package, and a second token for a statement', async () => {
    const out = tempDir();
    const expired = await tsaAnswers(approved, corpus.tsa, 'expired');
    await expect(attachTimestamps({}, approved, join(out, 'x.zip'), expired)).rejects.toSatisfy(
      (e) => isJejakError(e, 'INTEGRITY') && /was not valid at/.test((e as Error).message),
    );
    const foreign = await writePackage(sampleInput(analyst, 'OTHER-1').input, join(tempDir(), 'OTHER-1.zip'));
    await expect(
      attachTimestamps({}, approved, join(out, 'x.zip'), await tsaAnswers(foreign.path, corpus.tsa)),
    ).rejects.toSatisfy(
      (e) => isJejakError(e, 'INTEGRITY') && /stamps none of this package's statements/.test((e as Error).message),
    );
    await expect(
      attachTimestamps({}, stamped, join(out, 'x.zip'), (await tsaAnswers(approved, corpus.tsa)).slice(0, 1)),
    ).rejects.toSatisfy(
      (e) => isJejakError(e, 'INVALID_INPUT') && /already has a time-stamp/.test((e as Error).message),
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('an encrypted package is stamped into an encrypted one, its plaintext never written', async () => {
    const key = ageKeygen(tempDir());
    const sealed = join(tempDir(), `${NAME}.zip.age`);
    ageEncrypt([key.recipient], approved, sealed);
    const requests = await timestampRequests(sealed, { ageIdentities: [key.identity] });
    const tokens = requests.map((r) => ({ name: r.fileName, bytes: corpus.tsa.reply(Buffer.from(r.der)) }));
    const out = tempDir();
    await expect(
      attachTimestamps({}, sealed, join(out, `${NAME}.zip`), tokens, { ageIdentities: [key.identity] }),
    ).rejects.toSatisfy((e) => isJejakError(e, 'INVALID_INPUT'));
    expect(readdirSync(out)).toEqual([]);
    const result = await attachTimestamps({}, sealed, join(out, `${NAME}.zip.age`), tokens, {
      ageIdentities: [key.identity],
      encryptFor: [key.recipient],
    });
    expect(readFileSync(result.path).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    const verified = await verifyPackage(result.path, {
      ageIdentities: [key.identity],
      roster: roster(),
      tsaRoots: [corpus.tsa.rootPem],
    });
    expect(verified).toMatchObject({ verdict: 'valid-trusted', encrypted: true });
    expect(verified.timestamps).toHaveLength(2);
  });

  it('an encrypted result is sealed for the recipients the machine policy requires too, and only in an allowed folder', async () => {
    const [partner, archive] = [ageKeygen(tempDir(), 'partner.txt'), ageKeygen(tempDir(), 'archive.txt')];
    const tokens = await tsaAnswers(approved, corpus.tsa);
    const allowed = tempDir();
    const policy = { exportRecipients: [archive.recipient], allowedExportFolders: [allowed] };
    const elsewhere = tempDir();
    await expect(
      attachTimestamps(policy, approved, join(elsewhere, `${NAME}.zip.age`), tokens, {
        encryptFor: [partner.recipient],
      }),
    ).rejects.toSatisfy((e) => isJejakError(e, 'POLICY'));
    expect(readdirSync(elsewhere)).toEqual([]);
    const result = await attachTimestamps(policy, approved, join(allowed, `${NAME}.zip.age`), tokens, {
      encryptFor: [partner.recipient],
    });
    expect(result.recipients.sort()).toEqual([partner.recipient, archive.recipient].sort());
    // a plain package asked for no recipient stays plain, as a decision on it does (reseal.ts)
    const plain = await attachTimestamps(policy, approved, join(allowed, `${NAME}.zip`), tokens);
    expect(plain.recipients).toEqual([]);
  });

  it('a package with no time-stamps is fine', async () => {
    const result = await verifyPackage(approved, { roster: roster(), tsaRoots: [corpus.tsa.rootPem] });
    expect(result.verdict).toBe('valid-trusted');
    expect(result.checks.find((c) => c.id === 'timestamps')).toMatchObject({
      id: 'timestamps',
      ok: true,
      detail: 'no time-stamp tokens (they are optional)',
    });
  });
});
