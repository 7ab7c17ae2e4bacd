import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditAnchored } from '../../../electron/core/audit/anchor';
import { sql } from '../../../electron/core/db/sql';
import { isJejakError } from '../../../electron/core/errors';
import { readHeader } from '../../../electron/core/vault/header';
import { storeOriginal } from '../../../electron/core/vault/originals';
import type { VaultSession } from '../../../electron/core/vault/session';
import { anchorsOf } from '../../../electron/core/vault/unlock-checks';
import { createVault, unlockVault } from '../../../electron/core/vault/vault';
import { cliWorkspace } from '../../fixtures/cli';
import { seededRandom } from '../../fixtures/seed';
import { FAST_KDF, PASSPHRASE } from '../../fixtures/temp';

const TRIALS = 30;

const MARKS = { start: 'Rotating keys', commit: 'Committing the new keys' } as const;
type Mark = keyof typeof MARKS;

interface Run {
  killed: boolean;
  /** ms from each mark on stderr to the end of the child */
  msAfter: Record<Mark, number>;
}

/** Runs `jejak key rotate` as a child; kills it delayMs after it prints the given mark (never, if kill is null). */
function rotate(
  ws: ReturnType<typeof cliWorkspace>,
  from: string,
  to: string,
  kill: { after: Mark; delayMs: number } | null,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/jejak.js', '--vault', ws.vault, 'key', 'rotate'], {
      env: {
        ...process.env,
        JEJAK_POLICY: ws.policyPath,
        JEJAK_DATA_DIR: ws.dir,
        JEJAK_PASSPHRASE: from,
        JEJAK_NEW_PASSPHRASE: to,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const seen: Partial<Record<Mark, number>> = {};
    child.stderr.on('data', (d) => {
      stderr += d;
      for (const mark of Object.keys(MARKS) as Mark[]) {
        if (seen[mark] !== undefined || !stderr.includes(MARKS[mark])) continue;
        seen[mark] = performance.now();
        if (kill?.after === mark) setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
      }
    });
    child.on('exit', (code, signal) => {
      const end = performance.now();
      const msAfter = { start: end - (seen.start ?? end), commit: end - (seen.commit ?? end) };
      if (signal === 'SIGKILL' || code === 0) resolve({ killed: signal === 'SIGKILL', msAfter });
      else reject(new Error(`key rotate failed on its own (exit ${code}): ${stderr}`));
    });
  });
}

async function tryUnlock(dir: string, passphrase: string): Promise<VaultSession | null> {
  try {
    return await unlockVault(dir, { passphrase }, { actor: 'checker' });
  } catch (e) {
    if (isJejakError(e, 'WRONG_PASSPHRASE')) return null;
    throw e;
  }
}

/** Where the kill landed, read from the files before any unlock settles them. */
function stateOf(dir: string): string {
  const header = readHeader(dir);
  if (header.version === 2 && header.rotating) return 'committed, swap unfinished';
  return existsSync(join(dir, 'rotate')) ? 'staging, not committed' : 'no rotation in progress';
}

async function checkVault(s: VaultSession, expected: string[]) {
  expect(verifyAuditAnchored(s.db, anchorsOf(s.header))).toMatchObject({ ok: true });
  const rows = s.db.all<{ name: string; sha256: string; size: number }>(
    sql`SELECT name, sha256, size FROM blobs ORDER BY sha256`,
  );
  expect(rows.map((r) => r.sha256)).toEqual(expected);
  for (const row of rows) {
    const hash = createHash('sha256');
    for await (const part of s.blobs.read(row.name)) hash.update(part);
    expect(hash.digest('hex')).toBe(row.sha256);
  }
  expect(existsSync(join(s.dir, 'rotate'))).toBe(false);
  expect(existsSync(join(s.dir, 'blobs.old'))).toBe(false);
}

describe('key rotation crash safety', () => {
  it(`SIGKILL at random moments of \`jejak key rotate\`, ${TRIALS} trials: each ends with exactly one of the old or new passphrases opening a whole vault`, async () => {
    const { seed, random } = seededRandom();
    const ws = cliWorkspace();
    const { session } = await createVault(ws.vault, PASSPHRASE, {
      actor: 'analyst',
      kdf: FAST_KDF,
      allowAnonymous: true,
    });
    for (let i = 0; i < 10; i++) {
      const bytes = Buffer.alloc(1000 + (i % 3) * 900_000, i);
      bytes.write(`original ${i}`);
      await storeOriginal(session, bytes);
    }
    const expected = session.db
      .all<{ sha256: string }>(sql`SELECT sha256 FROM blobs ORDER BY sha256`)
      .map((r) => r.sha256);
    session.close('setup');

    const counts = { old: 0, new: 0 };
    const states = new Map<string, number>();
    let current = PASSPHRASE;
    let trial = -1;
    try {
      // One uninterrupted rotation sets the windows the kills are drawn from: the whole rotation, and
      // (every third trial) the short stretch from the commit on, so the swap is hit too.
      const next0 = 'rotation calibration passphrase words 0';
      const { msAfter } = await rotate(ws, current, next0, null);
      current = next0;
      for (trial = 0; trial < TRIALS; trial++) {
        const next = `rotation trial passphrase words ${trial + 1}`;
        const after: Mark = trial % 3 === 2 ? 'commit' : 'start';
        const { killed } = await rotate(ws, current, next, {
          after,
          delayMs: Math.floor(random() * msAfter[after] * 1.2),
        });
        const state = killed ? stateOf(ws.vault) : 'finished before the kill';
        states.set(state, (states.get(state) ?? 0) + 1);
        const withOld = await tryUnlock(ws.vault, current);
        const withNew = await tryUnlock(ws.vault, next);
        expect([withOld, withNew].filter(Boolean), `exactly one of the two passphrases opens (${state})`).toHaveLength(
          1,
        );
        const s = (withOld ?? withNew)!;
        await checkVault(s, expected);
        s.close('checked');
        if (withNew) {
          counts.new++;
          current = next;
        } else counts.old++;
      }
    } catch (e) {
      throw new Error(`key rotation crash test failed in trial ${trial}: ${(e as Error).message}`, { cause: e });
    }
    const where = [...states].map(([state, n]) => `${n} ${state}`).join(', ');
    console.log(
      `${TRIALS}/${TRIALS} trials: ${counts.old} old key, ${counts.new} new key (seed ${seed}; at the kill: ${where})`,
    );
    expect(counts.old + counts.new).toBe(TRIALS);
  }, 900_000);
});
