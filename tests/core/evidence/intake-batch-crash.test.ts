import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { sql } from '../../../electron/core/db/sql';
import { unlockVault } from '../../../electron/core/vault/vault';
import { seededRandom } from '../../fixtures/seed';
import { PASSPHRASE, newVault, tempDir } from '../../fixtures/temp';

const TRIALS = 30;

/** Starts the batch-intake child, waits until it takes files in, then kills it delayMs later without warning. */
function killWhileTakingIn(dir: string, sources: string, start: number, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/fixtures/intake-batch-child.ts', dir, sources, String(start)],
      { env: { ...process.env, JEJAK_PASSPHRASE: PASSPHRASE }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended on its own (${code}): ${stderr}`)),
    );
  });
}

describe('batch intake crash safety', () => {
  it(`leaves no row without its blob when killed at ${TRIALS} random moments`, async () => {
    const { seed, random } = seededRandom();
    console.log(`batch intake crash test: JEJAK_TEST_SEED=${seed}`);
    const { dir, session } = await newVault();
    session.close('setup');
    const sources = tempDir();
    let lastEvidence = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      await killWhileTakingIn(dir, sources, trial, Math.floor(random() * 700));
      const s = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'checker' });
      expect(verifyAudit(s.db).ok).toBe(true);
      // unlock removed what the killed writer left half done: no temp file, no row without its blob
      expect(readdirSync(join(dir, 'blobs', 'tmp'))).toEqual([]);
      const orphans = s.db.all(
        sql`SELECT e.id FROM evidence e LEFT JOIN blobs b ON b.name = e.blob_name WHERE b.name IS NULL`,
      );
      expect(orphans).toEqual([]);
      const rows = s.db.all<{ id: number; name: string; sha256: string; sha512: string; size: number }>(
        sql`SELECT e.id, b.name, b.sha256, b.sha512, b.size FROM evidence e JOIN blobs b ON b.name = e.blob_name`,
      );
      for (const row of rows) {
        const sha512 = createHash('sha512');
        let size = 0;
        for await (const part of s.blobs.read(row.name, row.sha256)) {
          sha512.update(part);
          size += part.length;
        }
        expect(sha512.digest('hex')).toBe(row.sha512);
        expect(size).toBe(row.size);
      }
      const blobRows = s.db.all<{ name: string }>(sql`SELECT name FROM blobs`);
      for (const { name } of blobRows) expect(s.blobs.has(name)).toBe(true);
      expect(rows.length).toBeGreaterThanOrEqual(lastEvidence);
      lastEvidence = rows.length;
      s.close('checked');
    }
    // some trials were killed after a batch committed, so the path that commits was crossed too
    expect(lastEvidence).toBeGreaterThan(0);
  });
});
