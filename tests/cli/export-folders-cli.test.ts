import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { receiveDecision } from '../../electron/core/cases/receive-decision';
import { timestampRequests } from '../../electron/core/timestamps/package-timestamps';
import { createVault } from '../../electron/core/vault/vault';
import { analystCase } from '../fixtures/case';
import { POLICY } from '../fixtures/catalog';
import { cliWorkspace } from '../fixtures/cli';
import { FAST_KDF, PASSPHRASE, tempDir } from '../fixtures/temp';
import { UNIT, exportLatest, trust } from '../fixtures/two-vaults';
import { makeTestTsa } from '../fixtures/tsa';

/**
 * The machine policy's allowedExportFolders binds every command that writes out of the vault, as it
 * binds the app: a destination elsewhere exits 1 (a check failed) and leaves no file and no partial.
 * The vaults are filled in-process; the commands under test run as the real CLI.
 */

/** A CLI workspace under a policy allowing exports only to `allowed`, its vault holding an analyst's case. */
async function analystWorkspace(allowed: string) {
  const ws = cliWorkspace({ allowedExportFolders: [allowed] });
  const { session } = await createVault(ws.vault, PASSPHRASE, {
    actor: 'analyst',
    kdf: FAST_KDF,
    allowAnonymous: true,
  });
  const made = await analystCase(session);
  return { ws, session, ...made };
}

const refusedWithNothingWritten = (run: { code: number; stderr: string }, folder: string) => {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toMatch(/The machine policy allows exports only to: /);
  expect(readdirSync(folder)).toEqual([]);
};

describe('jejak CLI: allowedExportFolders', () => {
  it('case export, evidence export and timestamp attach exit 1 outside the allowed folders and write nothing', async () => {
    const allowed = tempDir();
    const elsewhere = tempDir();
    const { ws, session, kase, evidence } = await analystWorkspace(allowed);
    session.close('test');

    refusedWithNothingWritten(
      ws.run(['case', 'export', kase.reference, '--out', join(elsewhere, 'case.zip')]),
      elsewhere,
    );
    refusedWithNothingWritten(
      ws.run(['evidence', 'export', String(evidence[0]), '--out', join(elsewhere, 'shot.png')]),
      elsewhere,
    );
    const zip = join(allowed, 'case.zip');
    const exported = ws.run(['case', 'export', kase.reference, '--out', zip]);
    expect(exported.code, exported.stderr).toBe(0);

    const tsa = makeTestTsa(join(tempDir(), 'tsa'));
    const answers = tempDir();
    const tokens = (await timestampRequests(zip)).map((r) => {
      const path = join(answers, r.fileName.replace(/\.tsq$/, '.tsr'));
      writeFileSync(path, tsa.reply(Buffer.from(r.der)));
      return path;
    });
    refusedWithNothingWritten(
      ws.run(['timestamp', 'attach', zip, ...tokens, '--out', join(elsewhere, 'stamped.zip')]),
      elsewhere,
    );
    const stamped = ws.run(['timestamp', 'attach', zip, ...tokens, '--out', join(allowed, 'stamped.zip')]);
    expect(stamped.code, stamped.stderr).toBe(0);
  });

  it('review and case decisions --out exit 1 outside the allowed folders and write nothing', async () => {
    const allowed = tempDir();
    const elsewhere = tempDir();
    const analyst = await analystWorkspace(allowed);
    const pkg = await exportLatest(analyst.session, analyst.kase.id);
    const supervisorWs = cliWorkspace({ allowedExportFolders: [allowed] });
    const { session: supervisor } = await createVault(supervisorWs.vault, PASSPHRASE, {
      actor: 'supervisor',
      kdf: FAST_KDF,
      identity: { name: 'Budi Supervisor', unit: UNIT, employeeId: 'NIP-2', role: 'supervisor' },
    });
    trust(analyst.session, supervisor, 'supervisor');
    supervisor.close('test');

    const approve = (out: string) =>
      supervisorWs.run(['review', pkg.path, '--approve', '--without-item-review', '--reason', 'Lengkap', '--out', out]);
    refusedWithNothingWritten(approve(join(elsewhere, 'approved.zip')), elsewhere);
    const approved = approve(join(allowed, 'approved.zip'));
    expect(approved.code, approved.stderr).toBe(0);

    await receiveDecision(analyst.session, POLICY, join(allowed, 'approved.zip'), { caseId: analyst.kase.id });
    analyst.session.close('test');
    const decisions = (out: string) => analyst.ws.run(['case', 'decisions', analyst.kase.reference, '--out', out]);
    refusedWithNothingWritten(decisions(join(elsewhere, 'decision.zip')), elsewhere);
    const again = decisions(join(allowed, 'decision.zip'));
    expect(again.code, again.stderr).toBe(0);
  });
});
