import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditAnchored } from '../../../electron/core/audit/anchor';
import { appendAudit, verifyAudit } from '../../../electron/core/audit/audit-log';
import { checkPackageHeads } from '../../../electron/core/audit/package-heads';
import { exportCase } from '../../../electron/core/cases/export-case';
import { sql } from '../../../electron/core/db/sql';
import { readPackageEntry } from '../../../electron/core/packages';
import { readHeader } from '../../../electron/core/vault/header';
import type { VaultSession } from '../../../electron/core/vault/session';
import { anchorsOf } from '../../../electron/core/vault/unlock-checks';
import { unlockVault } from '../../../electron/core/vault/vault';
import { RESOURCES, analystCase } from '../../fixtures/case';
import { POLICY } from '../../fixtures/catalog';
import { PASSPHRASE, newVault, tempDir } from '../../fixtures/temp';
import { rewriteAuditChain, truncateAuditTail } from '../../fixtures/vault-attacker';

const unlock = (dir: string) => unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' });
const verified = (s: VaultSession) => verifyAuditAnchored(s.db, anchorsOf(s.header));

async function vaultWithHistory() {
  const { dir, session } = await newVault();
  for (let i = 0; i < 6; i++) appendAudit(session.db, { actor: 'a', action: 'test.step', details: { i } });
  session.close('test');
  return dir;
}

describe('audit head anchored in vault.json', () => {
  it('records the head at lock, and an intact vault checks against it', async () => {
    const dir = await vaultWithHistory();
    const header = readHeader(dir);
    const s = await unlock(dir);
    expect(header.version === 2 && header.audit.seq).toBe(9);
    expect(s.anchorFinding).toBeNull();
    expect(verified(s)).toMatchObject({ ok: true, anchor: { ok: true, anchor: { seq: 9 } } });
    s.close('test');
  });

  it('tail rows deleted with the key while closed: the chain alone still checks, the anchor does not, and the finding stays', async () => {
    const dir = await vaultWithHistory();
    await truncateAuditTail(dir, 3);
    const s = await unlock(dir);
    expect(verifyAudit(s.db).ok).toBe(true); // what today's check sees: nothing wrong
    expect(s.anchorFinding).toMatchObject({
      ok: false,
      anchor: { seq: 9 },
      reason: expect.stringMatching(
        /entry 9 .* is gone: the chain ends at entry 6, so entries were deleted from its tail/,
      ),
    });
    expect(s.db.all(sql`SELECT action FROM audit WHERE action = 'audit.anchor-broken'`)).toHaveLength(1);
    expect(verified(s)).toMatchObject({ ok: false, brokenAnchor: { seq: 9 } });
    s.close('test');
    // Later unlocks re-append up to and past seq 9, with other hashes: still reported, not forgotten.
    for (let i = 0; i < 2; i++) {
      const again = await unlock(dir);
      expect(again.anchorFinding).toMatchObject({ ok: false, anchor: { seq: 9 } });
      expect(verified(again)).toMatchObject({
        ok: false,
        anchor: { ok: true },
        brokenAnchor: { seq: 9, reason: expect.stringMatching(/rewritten/) },
      });
      again.close('test');
    }
  });

  it('a chain rewritten with fresh hashes from entry 3 on: recomputes fine, contradicts the anchor', async () => {
    const dir = await vaultWithHistory();
    await rewriteAuditChain(dir, 3);
    const s = await unlock(dir);
    expect(verifyAudit(s.db).ok).toBe(true);
    expect(s.anchorFinding?.reason).toMatch(/entry 9 now has hash .*: the chain was rewritten/);
    expect(verified(s).ok).toBe(false);
    s.close('test');
  });

  it('a crash leaves the header behind the chain, never ahead: that is no finding', async () => {
    const dir = await vaultWithHistory();
    const s = await unlock(dir);
    for (let i = 0; i < 3; i++) s.audit({ action: 'test.more' });
    s.discard(); // the process dies: no lock, the header keeps the older head
    const again = await unlock(dir);
    expect(again.anchorFinding).toBeNull();
    expect(verified(again).ok).toBe(true);
    again.close('test');
  });
});

describe('audit head in packages', () => {
  it('each package carries the vault id and head: contained until the tail is cut, contradicted after', async () => {
    const { dir, session } = await newVault();
    const vaultId = session.header.vaultId;
    const { kase } = await analystCase(session);
    const out = tempDir();
    const early = join(out, 'early.zip');
    await exportCase(session, POLICY, kase.id, early, {
      language: 'id',
      resourcesDir: RESOURCES,
      version: '0.1.0-test',
    });
    const lines = (await readPackageEntry(early, 'data/custody.jsonl')).toString('utf8').trim().split('\n');
    const head = JSON.parse(lines.at(-1)!);
    expect(head).toMatchObject({
      type: 'chain-head',
      vaultId,
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    session.close('test');

    // A second vault's package is named as such, not as a contradiction.
    const other = await newVault();
    const { kase: otherCase } = await analystCase(other.session);
    const foreign = join(out, 'foreign.zip');
    await exportCase(other.session, POLICY, otherCase.id, foreign, {
      language: 'id',
      resourcesDir: RESOURCES,
      version: '0.1.0-test',
    });
    other.session.close('test');

    let s = await unlock(dir);
    expect((await checkPackageHeads(s.db, vaultId, [early, foreign])).map((r) => r.status)).toEqual([
      'contained',
      'other-vault',
    ]);
    s.close('test');

    const copy = join(out, 'copy-of-early.zip');
    copyFileSync(early, copy);
    const locked = readHeader(dir);
    if (locked.version !== 2) throw new Error('expected a sealed header');
    await truncateAuditTail(dir, locked.audit.seq - head.seq + 1); // cuts the package's own head off
    s = await unlock(dir);
    const results = await checkPackageHeads(s.db, vaultId, [copy]);
    expect(results[0]).toMatchObject({
      status: 'contradicted',
      head: { seq: head.seq, vaultId },
      detail: expect.stringMatching(new RegExp(`^entry ${head.seq} `)),
    });
    s.close('test');
  });
});
