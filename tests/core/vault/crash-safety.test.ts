import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { sql } from '../../../electron/core/db/sql';
import { unlockVault } from '../../../electron/core/vault/vault';
import { seededRandom } from '../../fixtures/seed';
import { PASSPHRASE, newVault } from '../../fixtures/temp';

/** Starts the writer child, waits until it says it is writing, then kills it delayMs later without warning. */
function killWhileWriting(dir: string, start: number, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/fixtures/blob-writer-child.ts', dir, String(start)],
      {
        env: { ...process.env, JEJAK_PASSPHRASE: PASSPHRASE },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended on its own (${code}): ${stderr}`)),
    );
  });
}

describe('crash safety', () => {
  it('survives SIGKILL at random moments while writing blobs with their rows', async () => {
    const { random } = seededRandom();
    const { dir, session } = await newVault();
    session.close('setup');
    let lastCount = 0;
    for (let round = 0; round < 10; round++) {
      await killWhileWriting(dir, round * 1000, 20 + Math.floor(random() * 400));
      const s = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'checker' });
      expect(verifyAudit(s.db).ok).toBe(true);
      const rows = s.db.all<{ name: string; sha256: string; size: number }>(sql`SELECT name, sha256, size FROM blobs`);
      for (const row of rows) {
        const hash = createHash('sha256');
        let size = 0;
        for await (const part of s.blobs.read(row.name)) {
          hash.update(part);
          size += part.length;
        }
        expect(hash.digest('hex')).toBe(row.sha256);
        expect(size).toBe(row.size);
      }
      expect(rows.length).toBeGreaterThanOrEqual(lastCount);
      lastCount = rows.length;
      s.close('checked');
    }
    expect(lastCount).toBeGreaterThan(10);
  });
});
