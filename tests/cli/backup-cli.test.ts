import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/audit-log';
import { sql } from '../../electron/core/db/sql';
import { unlockVault } from '../../electron/core/vault/vault';
import { cliWorkspace } from '../fixtures/cli';
import { PASSPHRASE, tempDir } from '../fixtures/temp';

type Workspace = ReturnType<typeof cliWorkspace>;

function start(
  ws: Workspace,
  args: string[],
): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['bin/jejak.js', '--vault', ws.vault, ...args], {
    env: { ...process.env, JEJAK_POLICY: ws.policyPath, JEJAK_PASSPHRASE: PASSPHRASE, JEJAK_DATA_DIR: ws.dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return { child, done: new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr }))) };
}

/** Resolves once `count` files have passed through the blob store's temp folder (each intake writes one). */
function afterIntakes(vault: string, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const watcher = watch(join(vault, 'blobs', 'tmp'), () => {
      if (++seen >= 2 * count) {
        watcher.close();
        resolve();
      }
    });
  });
}

describe('jejak backup / restore', () => {
  it('a backup taken during a 1,000-file intake restores to a vault that opens, verifies its audit chain and matches every blob', async () => {
    const ws = cliWorkspace();
    const init = ws.run(['init', '--json']);
    expect(init.code).toBe(0);
    const recoveryCode = JSON.parse(init.stdout).recoveryCode as string;
    const folder = tempDir('jejak-files-');
    const files = Array.from({ length: 1000 }, (_, i) => join(folder, `bukti-${String(i).padStart(4, '0')}.bin`));
    const sha256 = new Map<string, string>();
    for (const f of files) {
      const bytes = randomBytes(2048 + (files.indexOf(f) % 7) * 512);
      writeFileSync(f, bytes);
      sha256.set(createHash('sha256').update(bytes).digest('hex'), f);
    }

    const intake = start(ws, ['evidence', 'add', ...files]);
    await afterIntakes(ws.vault, 100);
    // Held back wherever it is (mid-write, mid-transaction): the intake is fast enough to finish before
    // a backup process starts up on a busy machine, and the backup must not depend on where it stopped.
    // Not frozen outright: stopped inside a transaction, it would hold the database's write lock, which
    // the backup's unlock (its audit entry) waits for; 5 ms of every 100 lets it finish and let go.
    intake.child.kill('SIGSTOP');
    const throttle = setInterval(() => {
      intake.child.kill('SIGCONT');
      setTimeout(() => intake.child.kill('SIGSTOP'), 5);
    }, 100);
    const out = join(tempDir('jejak-backup-'), 'cadangan.tar');
    const backup = await start(ws, ['backup', '--out', out]).done;
    clearInterval(throttle);
    await new Promise((resolve) => setTimeout(resolve, 20)); // past the last stop the throttle sent
    intake.child.kill('SIGCONT');
    expect(backup.code, backup.stderr).toBe(0);
    const intakeResult = await intake.done;
    expect(intakeResult.code, intakeResult.stderr).toBe(0);

    const restoredDir = join(tempDir('jejak-restored-'), 'vault');
    const restore = ws.run(['restore', out, '--vault', restoredDir], {
      JEJAK_PASSPHRASE: '',
      JEJAK_RECOVERY_CODE: recoveryCode,
    });
    expect(restore.code, restore.stderr).toBe(0);
    expect(ws.run(['--vault', restoredDir, 'audit', 'verify']).code).toBe(0);

    const restored = await unlockVault(restoredDir, { passphrase: PASSPHRASE }, { actor: 'checker' });
    try {
      expect(verifyAudit(restored.db).ok).toBe(true);
      const rows = restored.db.all<{ name: string; sha256: string }>(sql`SELECT name, sha256 FROM blobs`);
      // Taken mid-intake: some files are in, not all, and each one that is in is whole. Rows commit a
      // batch (16 files) at a time, up to two batches behind the blobs written: 100 written, ≥ 16 in.
      expect(rows.length).toBeGreaterThanOrEqual(16);
      expect(rows.length).toBeLessThan(1000);
      for (const row of rows) {
        expect(sha256.has(row.sha256)).toBe(true);
        const bytes = await restored.blobs.readAll(row.name, row.sha256);
        expect(bytes.equals(readFileSync(sha256.get(row.sha256)!))).toBe(true);
      }
      // A blob's row commits before its evidence row (image analysis runs between): the snapshot may hold
      // one original whose evidence was still being analysed, never an evidence row without its blob.
      const evidence = restored.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM evidence`)!.n;
      expect(rows.length - evidence).toBeGreaterThanOrEqual(0);
      expect(rows.length - evidence).toBeLessThanOrEqual(1);
      expect(
        restored.db.get<{ n: number }>(
          sql`SELECT count(*) AS n FROM evidence WHERE blob_name NOT IN (SELECT name FROM blobs)`,
        )!.n,
      ).toBe(0);
      console.log(`backup during intake: ${rows.length} of 1000 files were in the snapshot; all restored and matching`);
    } finally {
      restored.close('checked');
    }
  });

  it('a flipped byte in a backup is refused on restore, naming what failed, and nothing is written', () => {
    const ws = cliWorkspace();
    ws.run(['init']);
    const shot = join(ws.dir, 'bukti.bin');
    writeFileSync(shot, randomBytes(50_000));
    expect(ws.run(['evidence', 'add', shot]).code).toBe(0);
    const out = join(tempDir(), 'cadangan.tar');
    expect(ws.run(['backup', '--out', out]).code).toBe(0);
    const bytes = readFileSync(out);
    const inTheOriginal = bytes.length - 1024 - 512 - 512 - 20_000;
    bytes[inTheOriginal] = bytes[inTheOriginal]! ^ 0x40;
    writeFileSync(out, bytes);
    const parent = tempDir();
    const result = ws.run(['restore', out, '--vault', join(parent, 'vault')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/failed its check: .*does not match/);
    expect(readdirSync(parent)).toEqual([]);
    expect(existsSync(join(parent, 'vault'))).toBe(false);
  });

  it('restore needs an explicit, new or empty --vault', () => {
    const ws = cliWorkspace();
    ws.run(['init']);
    const out = join(tempDir(), 'cadangan.tar');
    expect(ws.run(['backup', '--out', out]).code).toBe(0);
    // Without --vault it would be the desktop app's folder: refused, whatever is there.
    const bare = spawnSync(process.execPath, ['bin/jejak.js', 'restore', out], {
      env: { ...process.env, JEJAK_POLICY: ws.policyPath, JEJAK_PASSPHRASE: PASSPHRASE, JEJAK_DATA_DIR: tempDir() },
      encoding: 'utf8',
    });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/--vault DIR/);
    const busy = ws.run(['restore', out, '--vault', ws.vault]);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/not empty/);
  });
});
