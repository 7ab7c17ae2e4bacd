import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import {
  countersignPackage,
  readPackageEntry,
  verifyPackage,
  writePackage,
  type Signer,
} from '../../../electron/core/packages';
import { ageDecrypt, ageEncrypt, ageKeygen, type AgeKey } from '../../fixtures/age';
import { allFiles } from '../../fixtures/temp';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from '../packages/helpers';

let dir: string;
let analyst: Signer;
let supervisor: Signer;
let recipient: AgeKey;
let archive: AgeKey;
let stranger: AgeKey;
let plain: string;

beforeAll(async () => {
  dir = tempDir();
  analyst = makeSigner('analyst');
  supervisor = makeSigner('supervisor');
  [recipient, archive, stranger] = ['recipient.txt', 'archive.txt', 'stranger.txt'].map((n) => ageKeygen(dir, n)) as [
    AgeKey,
    AgeKey,
    AgeKey,
  ];
  plain = (
    await writePackage(sampleInput(analyst).input, join(dir, 'plain.zip'), { now: new Date('2026-11-28T04:00:00Z') })
  ).path;
});
afterAll(cleanTempDirs);

/** Every file under the folders where a clear ZIP could land: the destination's and the scratch files'. */
function filesHolding(marker: Buffer, destination: string): string[] {
  const scratch = readdirSync(tmpdir())
    .filter((n) => n.startsWith('jejak-sealed-'))
    .map((n) => join(tmpdir(), n));
  return [destination, ...scratch]
    .filter(existsSync)
    .flatMap((d) => allFiles(d))
    .filter((f) => f.bytes.includes(marker))
    .map((f) => f.path);
}

describe('packages encrypted for recipients (age)', () => {
  it('writes a package that age -d opens into a ZIP that verifies, and never has the ZIP in clear on disk', async () => {
    const marker = Buffer.from(`JEJAK-CLEAR-MARKER-${randomBytes(8).toString('hex')}`);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), marker, randomBytes(200_000)]);
    const { input } = sampleInput(analyst, 'KOMINFO/2026/11/0042', pdf);
    const out = tempDir();
    const seen: string[][] = [];
    // Once the report is in the ZIP, the next file is asked for: the ZIP so far holds the marker.
    const next = input.payload[1]!;
    if (!next.open) throw new Error('the file after the report streams');
    const open = next.open;
    input.payload[1] = { ...next, open: () => (seen.push(filesHolding(marker, out)), open()) };
    const written = await writePackage(input, join(out, 'sealed.zip.age'), {
      encryptFor: [recipient.recipient, archive.recipient],
    });
    expect(seen).toEqual([[]]);
    expect(written.recipients).toEqual([recipient.recipient, archive.recipient]);
    expect(readdirSync(out)).toEqual(['sealed.zip.age']);
    expect(readFileSync(written.path).includes(marker)).toBe(false);
    for (const key of [recipient, archive]) {
      const zip = join(tempDir(), 'opened.zip');
      ageDecrypt(key, written.path, zip);
      expect(readFileSync(zip).includes(marker)).toBe(true);
      expect(execFileSync('unzip', ['-tq', zip], { encoding: 'utf8' })).toMatch(/No errors detected/);
      expect((await verifyPackage(zip)).verdict).toBe('valid-untrusted');
    }
    const opened = await verifyPackage(written.path, { ageIdentities: [recipient.identity] });
    expect(opened).toMatchObject({ verdict: 'valid-untrusted', encrypted: true });
    expect(
      (await readPackageEntry(written.path, 'data/report.pdf', { ageIdentities: [archive.identity] })).equals(pdf),
    ).toBe(true);
  });

  it('opens a package that age -r encrypted, with the same checks as the plain one', async () => {
    const sealed = join(dir, 'by-age.zip.age');
    ageEncrypt([recipient.recipient], plain, sealed);
    const before = await verifyPackage(plain);
    const after = await verifyPackage(sealed, { ageIdentities: [stranger.identity, recipient.identity] });
    expect(after.encrypted).toBe(true);
    expect(after.checks).toEqual(before.checks);
    expect(after.verdict).toBe(before.verdict);
    const evidence = after.entries!.find((e) => e.includes('/data/evidence/'))!.replace(/^[^/]+\//, '');
    expect(await readPackageEntry(sealed, evidence, { ageIdentities: [recipient.identity] })).toEqual(
      await readPackageEntry(plain, evidence),
    );
  });

  it('a wrong key is a clear error and writes nothing; a changed byte is named', async () => {
    const sealed = join(dir, 'for-recipient.zip.age');
    ageEncrypt([recipient.recipient], plain, sealed);
    await expect(verifyPackage(sealed, { ageIdentities: [stranger.identity] })).rejects.toSatisfy((e) =>
      isJejakError(e, 'WRONG_AGE_KEY'),
    );
    await expect(verifyPackage(sealed)).rejects.toSatisfy((e) => isJejakError(e, 'WRONG_AGE_KEY'));
    const out = tempDir();
    const decide = { signer: supervisor, decision: 'approved' as const, comment: 'ok' };
    await expect(
      countersignPackage(sealed, join(out, 'approved.zip.age'), decide, {
        ageIdentities: [stranger.identity],
        encryptFor: [stranger.recipient],
      }),
    ).rejects.toSatisfy((e) => isJejakError(e, 'WRONG_AGE_KEY'));
    expect(readdirSync(out)).toEqual([]);

    const bytes = readFileSync(sealed);
    bytes[bytes.length - 5_000]! ^= 0x40;
    writeFileSync(join(dir, 'damaged.zip.age'), bytes);
    await expect(
      verifyPackage(join(dir, 'damaged.zip.age'), { ageIdentities: [recipient.identity] }),
    ).rejects.toSatisfy((e) => isJejakError(e, 'INTEGRITY') && /does not authenticate/.test((e as Error).message));
  });

  it('countersigns an encrypted package into an encrypted one, never a plain one', async () => {
    const sealed = join(dir, 'to-review.zip.age');
    ageEncrypt([recipient.recipient], plain, sealed);
    const out = tempDir();
    const decide = { signer: supervisor, decision: 'approved' as const, comment: 'Disetujui' };
    await expect(
      countersignPackage(sealed, join(out, 'approved.zip'), decide, { ageIdentities: [recipient.identity] }),
    ).rejects.toSatisfy((e) => isJejakError(e, 'INVALID_INPUT'));
    expect(readdirSync(out)).toEqual([]);
    const approved = await countersignPackage(sealed, join(out, 'approved.zip.age'), decide, {
      ageIdentities: [recipient.identity],
      encryptFor: [recipient.recipient, archive.recipient],
    });
    expect(approved.recipients).toEqual([recipient.recipient, archive.recipient]);
    const zip = join(tempDir(), 'approved.zip');
    ageDecrypt(archive, approved.path, zip);
    const result = await verifyPackage(zip);
    expect(result.verdict).toBe('valid-untrusted');
    expect(result.statements.map((s) => s.decision)).toEqual(['submitted', 'approved']);
  });
});
