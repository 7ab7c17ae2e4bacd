import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { sql } from '../../../electron/core/db/sql';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { createBackup } from '../../../electron/core/vault/backup';
import { readBackup } from '../../../electron/core/vault/backup-reader';
import { backupStatus } from '../../../electron/core/vault/backup-status';
import { restoreBackup } from '../../../electron/core/vault/restore';
import { unlockVault } from '../../../electron/core/vault/vault';
import { analystCase } from '../../fixtures/case';
import { POLICY } from '../../fixtures/catalog';
import { seededRandom } from '../../fixtures/seed';
import { PASSPHRASE, allFiles, newVault, tempDir } from '../../fixtures/temp';

const MARKER = 'PENANDA-RAHASIA-7f3a91';

/** A vault with channels, screenshots, a case, and a marker in an original and in a note. */
async function filledVault() {
  const v = await newVault();
  await analystCase(v.session);
  await intakeBytes(v.session, POLICY, Buffer.from(`chat log ${MARKER} ${'x'.repeat(3000)}`), {
    originalName: 'log.txt',
    notes: `catatan ${MARKER}`,
  });
  return v;
}

const options = { software: 'jejak test' };

/** Where each entry of a tar sits: its header, its data and its size (ustar octal sizes). */
function tarEntries(tar: Buffer): Array<{ name: string; header: number; data: number; size: number }> {
  const out = [];
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0;) {
    const name = tar.toString('utf8', at, tar.indexOf(0, at));
    const size = parseInt(tar.toString('latin1', at + 124, at + 135), 8);
    out.push({ name, header: at, data: at + 512, size });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('backup and restore', () => {
  it('writes an encrypted snapshot with a manifest; restores to a vault that opens, verifies and matches every blob', async () => {
    const { dir, session, recoveryCode } = await filledVault();
    const out = join(tempDir(), 'cadangan.tar');
    const last = await createBackup(session, out, options);
    expect(last).toMatchObject({ path: out, blobs: 5, bytes: readFileSync(out).length });
    const archive = readFileSync(out);
    // Nothing in clear: not the marker (in an original and in the database), not a SQLite header.
    for (const needle of [MARKER, Buffer.from(MARKER, 'utf16le').toString('latin1'), 'SQLite format 3'])
      expect(archive.includes(needle, 0, 'latin1')).toBe(false);
    // A plain tar: any tar lists and extracts it, and sha256sum checks it by hand.
    const unpacked = tempDir();
    execFileSync('tar', ['-xf', out, '-C', unpacked]);
    expect(execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: unpacked, encoding: 'utf8' })).not.toMatch(
      /FAILED/,
    );
    expect(readdirSync(unpacked).sort()).toEqual([
      'archive-sha256.txt',
      'blobs',
      'jejak-backup.json',
      'jejak.db',
      'manifest-sha256.txt',
      'vault.json',
    ]);
    expect(backupStatus(session.db, dir, {}).last).toEqual(last);
    expect(
      session.db.get<{ details: string }>(sql`SELECT details FROM audit WHERE action = 'vault.backup-created'`),
    ).toBeDefined();
    const sourceBlobs = session.db.all<{ name: string; sha256: string }>(
      sql`SELECT name, sha256 FROM blobs ORDER BY name`,
    );
    session.close('test');

    for (const secret of [{ passphrase: PASSPHRASE }, { recoveryCode }]) {
      const target = join(tempDir(), 'pulih');
      const restored = await restoreBackup(out, target, secret, { actor: 'it' });
      expect(restored).toMatchObject({ vaultDir: target, blobs: 5 });
      for (const f of allFiles(target)) expect(f.bytes.includes(MARKER)).toBe(false);
      const back = await unlockVault(target, { passphrase: PASSPHRASE }, { actor: 'checker' });
      expect(verifyAudit(back.db).ok).toBe(true);
      expect(back.db.all(sql`SELECT name, sha256 FROM blobs ORDER BY name`)).toEqual(sourceBlobs);
      for (const b of sourceBlobs) expect((await back.blobs.readAll(b.name, b.sha256)).length).toBeGreaterThan(0);
      expect(
        back.db.all<{ action: string }>(sql`SELECT action FROM audit WHERE action = 'vault.restored'`),
      ).toHaveLength(1);
      back.close('checked');
    }
  });

  it('refuses a backup with any one byte flipped, naming what failed, and writes nothing into the folder', async () => {
    const { session } = await filledVault();
    const out = join(tempDir(), 'cadangan.tar');
    await createBackup(session, out, options);
    session.close('test');
    const good = readFileSync(out);
    const entries = tarEntries(good);
    const entry = (pattern: RegExp) => entries.find((e) => pattern.test(e.name))!;
    const blob = entry(/^blobs\//);
    const vaultJson = entry(/^vault\.json$/);
    const database = entry(/^jejak\.db$/);
    const cases: Array<[string, number, RegExp]> = [
      ['a blob', blob.data + 40, /blobs\/[0-9a-f]{2}\/[0-9a-f]{64} does not match its SHA-256/],
      ['the database', database.data + 4096, /jejak\.db does not match its SHA-256/],
      ['vault.json', vaultJson.data + 10, /vault\.json does not match its SHA-256/],
      ['a name in a tar header', database.header + 1, /tar header at byte \d+ is damaged \(its checksum/],
      ['a size field', database.header + 124 + 3, /tar header at byte \d+ is damaged \(its checksum/],
      ['the manifest', entry(/^manifest-sha256\.txt$/).data + 3, /manifest-sha256\.txt/],
      ['padding', vaultJson.data + vaultJson.size + 1, /padding after vault\.json is not zero/],
      ['the archive hash', entry(/^archive-sha256\.txt$/).data + 5, /archive-sha256\.txt does not match/],
      ['the end blocks', good.length - 10, /tar header at byte \d+ is blank/],
    ];
    for (const [what, position, reason] of cases) {
      const bad = Buffer.from(good);
      bad[position] = bad[position]! ^ 0x01;
      const file = join(tempDir(), 'rusak.tar');
      writeFileSync(file, bad);
      const parent = tempDir();
      const target = join(parent, 'pulih');
      const error = await restoreBackup(file, target, { passphrase: PASSPHRASE }, { actor: 'it' }).catch(
        (e: unknown) => e,
      );
      expect(error, `${what}: ${String(error)}`).toMatchObject({
        code: 'INTEGRITY',
        message: expect.stringMatching(reason),
      });
      expect(readdirSync(parent), what).toEqual([]);
    }
  });

  it('refuses every one of 400 seeded single-bit flips across the whole archive', async () => {
    const { session } = await filledVault();
    const out = join(tempDir(), 'cadangan.tar');
    await createBackup(session, out, options);
    session.close('test');
    const good = readFileSync(out);
    const { random: rand } = seededRandom();
    const file = join(tempDir(), 'rusak.tar');
    for (let i = 0; i < 400; i++) {
      const position = Math.floor(rand() * good.length);
      const bad = Buffer.from(good);
      const bit = Math.floor(rand() * 8);
      bad[position] = bad[position]! ^ (1 << bit);
      writeFileSync(file, bad);
      const error = await readBackup(file).catch((e: unknown) => e);
      expect(error, `bit ${bit} of byte ${position}`).toMatchObject({ code: 'INTEGRITY' });
    }
  });

  it('restores only into an absent or empty folder, and a wrong passphrase leaves nothing', async () => {
    const { session } = await filledVault();
    const out = join(tempDir(), 'cadangan.tar');
    await createBackup(session, out, options);
    session.close('test');
    const busy = tempDir();
    writeFileSync(join(busy, 'milik-orang.txt'), 'x');
    await expect(restoreBackup(out, busy, { passphrase: PASSPHRASE }, { actor: 'it' })).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });
    expect(readdirSync(busy)).toEqual(['milik-orang.txt']);
    const parent = tempDir();
    const empty = join(parent, 'kosong');
    mkdirSync(empty);
    await expect(
      restoreBackup(out, empty, { passphrase: 'salah salah salah salah' }, { actor: 'it' }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(readdirSync(parent)).toEqual(['kosong']);
    expect(readdirSync(empty)).toEqual([]);
    await restoreBackup(out, empty, { passphrase: PASSPHRASE }, { actor: 'it' });
    expect(existsSync(join(empty, 'vault.json'))).toBe(true);
  });

  it('a cancel leaves nothing: no file, no temp file, no snapshot, no audit entry', async () => {
    const { dir, session } = await filledVault();
    const folder = tempDir();
    for (const phase of ['snapshot', 'copy', 'verify']) {
      const controller = new AbortController();
      const error = await createBackup(session, join(folder, 'cadangan.tar'), {
        ...options,
        signal: controller.signal,
        onProgress: (p) => p.phase === phase && controller.abort(),
      }).catch((e: unknown) => e);
      expect(error, phase).toMatchObject({ code: 'CANCELLED' });
      expect(readdirSync(folder), phase).toEqual([]);
      expect(readdirSync(join(dir, 'backup-tmp')), phase).toEqual([]);
    }
    expect(session.db.all(sql`SELECT seq FROM audit WHERE action = 'vault.backup-created'`)).toEqual([]);
    expect(backupStatus(session.db, dir, {}).last).toBeNull();
    session.close('test');
  });
});
