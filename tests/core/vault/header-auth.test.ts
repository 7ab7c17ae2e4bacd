import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../electron/core/db/sql';
import { kdfParamsSchema, calibrateKdf, deriveKek } from '../../../electron/core/vault/kdf';
import { headerPath, readHeader } from '../../../electron/core/vault/header';
import { changePassphrase, unlockVault } from '../../../electron/core/vault/vault';
import { FAST_KDF, PASSPHRASE, allFiles, newVault } from '../../fixtures/temp';

const NEXT = 'another long passphrase for tests 9';

/** vault.json as JSON, for editing as an attacker would. */
interface RawWrap {
  kind: string;
  salt: string;
  kdf: Record<string, unknown>;
}
interface RawHeader {
  wraps: RawWrap[];
  generation: number;
  audit: unknown;
  mac?: string;
  [field: string]: unknown;
}

function editHeader(dir: string, edit: (h: RawHeader) => void): void {
  const header = JSON.parse(readFileSync(headerPath(dir), 'utf8')) as RawHeader;
  edit(header);
  writeFileSync(headerPath(dir), JSON.stringify(header, null, 2));
}

async function closedVault() {
  const made = await newVault();
  made.session.close('test');
  return made;
}

describe('KDF bounds', () => {
  it('refuses N=2^22, r=32, p=16 at once: readHeader throws synchronously, before any derivation', async () => {
    const { dir } = await closedVault();
    editHeader(dir, (h) => (h.wraps[0]!.kdf = { name: 'scrypt', N: 2 ** 22, r: 32, p: 16 }));
    const before = allFiles(dir);
    // Synchronous: nothing was scheduled, so scrypt cannot have run.
    expect(() => readHeader(dir)).toThrow(
      expect.objectContaining({
        code: 'VAULT_ALTERED',
        message: expect.stringContaining('vault header damaged or altered'),
      }),
    );
    await expect(unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' })).rejects.toMatchObject({
      code: 'VAULT_ALTERED',
    });
    expect(allFiles(dir)).toEqual(before);
  });

  it('deriveKek itself refuses out-of-bounds parameters synchronously, not as a rejected derivation', () => {
    const bomb = { name: 'scrypt' as const, N: 2 ** 22, r: 32, p: 16 };
    expect(() => deriveKek('x', randomBytes(16), bomb)).toThrow(/vault header damaged or altered/);
  });

  it('holds every parameter to what Jejak calibrates or accepts from policy: 128·N·r·p ≤ 1 GiB', () => {
    const ok = (k: object) => kdfParamsSchema.safeParse({ name: 'scrypt', ...k }).success;
    expect(ok({ N: 2 ** 20, r: 8, p: 1 })).toBe(true); // exactly 1 GiB: the calibrator's top
    expect(ok({ N: 1024, r: 8, p: 1 })).toBe(true);
    expect(ok({ N: 2 ** 21, r: 8, p: 1 })).toBe(false);
    expect(ok({ N: 2 ** 20, r: 8, p: 2 })).toBe(false);
    expect(ok({ N: 2 ** 19, r: 16, p: 1 })).toBe(true);
    expect(ok({ N: 2 ** 15, r: 17, p: 1 })).toBe(false);
    expect(ok({ N: 2 ** 15, r: 8, p: 5 })).toBe(false);
    expect(ok({ N: 3000, r: 8, p: 1 })).toBe(false);
    expect(ok({ N: 512, r: 8, p: 1 })).toBe(false);
    expect(ok({ N: 1024, r: 8, p: 1, maxmem: 1 })).toBe(false);
    expect(ok(calibrateKdf(1))).toBe(true);
  });
});

describe('header MAC', () => {
  it.each([
    ['the recovery wrap removed', (h: RawHeader) => h.wraps.splice(1, 1)],
    [
      'a second recovery wrap added',
      (h: RawHeader) => h.wraps.push({ ...h.wraps[1]!, salt: randomBytes(16).toString('base64') }),
    ],
    ['the recovery wrap KDF lowered', (h: RawHeader) => (h.wraps[1]!.kdf.N = 2048)],
    ['the generation raised', (h: RawHeader) => (h.generation += 10)],
    ['the audit anchor moved back', (h: RawHeader) => (h.audit = { seq: 0, hash: '0'.repeat(64) })],
    ['the MAC swapped for zeros', (h: RawHeader) => (h.mac = '0'.repeat(64))],
  ])('refuses a header with %s, right after unwrap, and changes nothing', async (_what, edit) => {
    const { dir } = await closedVault();
    editHeader(dir, edit);
    const before = allFiles(dir);
    await expect(unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' })).rejects.toMatchObject({
      code: 'VAULT_ALTERED',
      message: expect.stringMatching(/vault header damaged or altered \(its MAC does not verify\)/),
    });
    expect(allFiles(dir)).toEqual(before);
  });

  it('refuses fields Jejak never writes, and a header without its MAC', async () => {
    const { dir } = await closedVault();
    const original = readFileSync(headerPath(dir), 'utf8');
    editHeader(dir, (h) => (h.note = 'hello'));
    expect(() => readHeader(dir)).toThrow(/vault header damaged or altered/);
    writeFileSync(headerPath(dir), original);
    editHeader(dir, (h) => delete h.mac);
    expect(() => readHeader(dir)).toThrow(/vault header damaged or altered/);
  });

  it('a wrap pasted from another vault does not open this one', async () => {
    const a = await closedVault();
    const b = await closedVault();
    const wrapB = readHeader(b.dir).wraps[0] as unknown as RawWrap;
    editHeader(a.dir, (h) => (h.wraps[0] = wrapB));
    await expect(unlockVault(a.dir, { passphrase: PASSPHRASE }, { actor: 't' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
  });
});

describe('generation and rollback', () => {
  it('refuses the old vault.json put back after a passphrase change, and the log records it', async () => {
    const { dir } = await closedVault();
    const old = readFileSync(headerPath(dir));
    await changePassphrase(dir, PASSPHRASE, NEXT, { actor: 't', kdf: FAST_KDF });
    const current = readFileSync(headerPath(dir));
    writeFileSync(headerPath(dir), old);
    await expect(unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'intruder' })).rejects.toMatchObject({
      code: 'VAULT_ROLLED_BACK',
      message: expect.stringMatching(/vault\.json is rolled back: it is generation \d+, older than the database/),
    });
    writeFileSync(headerPath(dir), current);
    const s = await unlockVault(dir, { passphrase: NEXT }, { actor: 't' });
    const refused = s.db.all<{ actor: string; details: string }>(
      sql`SELECT actor, details FROM audit WHERE action = 'vault.rollback-refused'`,
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]!.actor).toBe('intruder');
    expect(JSON.parse(refused[0]!.details)).toMatchObject({
      method: 'passphrase',
      headerGeneration: expect.any(Number),
      databaseGeneration: expect.any(Number),
    });
    s.close('test');
  });

  it('brings the database up when a crash left the header one write ahead of it', async () => {
    const { dir, session } = await newVault();
    const { sealHeader } = await import('../../../electron/core/vault/header-mac');
    const { dbGeneration } = await import('../../../electron/core/vault/vault-state');
    const { writeHeader } = await import('../../../electron/core/vault/header');
    const header = readHeader(dir);
    if (header.version !== 2) throw new Error('expected a sealed header');
    const { mac: _m, ...rest } = header;
    // The header is written, then the process dies before the database hears of it.
    writeHeader(dir, sealHeader({ ...rest, generation: header.generation + 1 }, session.masterKey()));
    session.discard();
    const s = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' });
    expect(dbGeneration(s.db)).toBe(header.generation + 1);
    s.close('test');
  });

  it('raises the generation at every lock, header first, so any older copy is rolled back', async () => {
    const { dir } = await closedVault();
    const g1 = readHeader(dir);
    (await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' })).close('test');
    const g2 = readHeader(dir);
    expect(g2.version === 2 && g1.version === 2 && g2.generation > g1.generation).toBe(true);
  });
});
