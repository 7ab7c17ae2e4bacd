import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCase } from '../../../electron/core/cases/export-case';
import { exportFileName } from '../../../electron/core/cases/export-recipients';
import { isJejakError } from '../../../electron/core/errors';
import { getIdentity, setIdentity, vaultAgeIdentity } from '../../../electron/core/identity/identity';
import { importRoster } from '../../../electron/core/trust/trust';
import { verifyPackage } from '../../../electron/core/packages';
import { policySchema } from '../../../electron/core/policy/policy';
import { decidePackage } from '../../../electron/core/review/decide';
import { ageDecrypt, ageKeygen } from '../../fixtures/age';
import { RESOURCES, analystCase } from '../../fixtures/case';
import { newVault, tempDir } from '../../fixtures/temp';

const opts = { language: 'id' as const, resourcesDir: RESOURCES, version: '0.1.0-test' };

describe('encrypted export and the policy recipients', () => {
  it('adds the recipients the policy requires, and the exporting vault, in the core: a plain ZIP is refused', async () => {
    const keys = tempDir();
    const [archive, partner] = [ageKeygen(keys, 'archive.txt'), ageKeygen(keys, 'partner.txt')];
    const policy = policySchema.parse({ exportRecipients: [archive.recipient] });
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    const out = tempDir();
    await expect(exportCase(session, policy, kase.id, join(out, 'case.zip'), opts)).rejects.toSatisfy((e) =>
      isJejakError(e, 'POLICY'),
    );
    await expect(
      exportCase(session, {}, kase.id, join(out, 'case.zip'), { ...opts, recipients: [partner.recipient] }),
    ).rejects.toSatisfy((e) => isJejakError(e, 'INVALID_INPUT'));
    await expect(exportCase(session, {}, kase.id, join(out, 'case.zip.age'), opts)).rejects.toSatisfy((e) =>
      isJejakError(e, 'INVALID_INPUT'),
    );
    await expect(
      exportCase(session, {}, kase.id, join(out, 'case.zip.age'), { ...opts, recipients: ['age1notarecipient'] }),
    ).rejects.toSatisfy((e) => isJejakError(e, 'INVALID_INPUT'));
    expect(readdirSync(out)).toEqual([]);
    expect(exportFileName(policy, kase.reference, [])).toMatch(/\.zip\.age$/);
    expect(exportFileName({}, kase.reference, [])).toMatch(/\d\.zip$/);

    const result = await exportCase(session, policy, kase.id, join(out, 'case.zip.age'), {
      ...opts,
      recipients: [partner.recipient],
    });
    const own = getIdentity(session).ageRecipient;
    expect(result.recipients.sort()).toEqual([archive.recipient, partner.recipient, own].sort());
    for (const key of [archive, partner]) {
      const zip = join(tempDir(), 'case.zip');
      ageDecrypt(key, result.path, zip);
      expect((await verifyPackage(zip)).verdict).toBe('valid-untrusted');
    }
    expect((await verifyPackage(result.path, { ageIdentities: [vaultAgeIdentity(session)] })).encrypted).toBe(true);
    const audit = session.db.raw.prepare("SELECT details FROM audit WHERE action = 'case.exported'").get() as {
      details: string;
    };
    expect(JSON.parse(audit.details).recipients.sort()).toEqual(result.recipients.sort());
    session.close('test');
  });

  it("a supervisor's decision on an encrypted package is encrypted for the analyst, the policy's recipients and the supervisor", async () => {
    const keys = tempDir();
    const archive = ageKeygen(keys, 'archive.txt');
    const policy = policySchema.parse({ exportRecipients: [archive.recipient] });
    const analyst = (await newVault()).session;
    const { kase } = await analystCase(analyst);
    const supervisor = (await newVault()).session;
    setIdentity(supervisor, { name: 'Budi', unit: 'Unit', employeeId: 'S-1', role: 'supervisor' });
    const a = getIdentity(analyst);
    importRoster(supervisor, [
      { fingerprint: a.fingerprint, name: a.name, unit: a.unit, role: 'analyst', ageRecipient: a.ageRecipient },
    ]);
    const out = tempDir();
    const sent = await exportCase(analyst, policy, kase.id, join(out, 'case.zip.age'), {
      ...opts,
      recipients: [getIdentity(supervisor).ageRecipient],
    });
    const source = {
      path: sent.path,
      result: await verifyPackage(sent.path, { ageIdentities: [vaultAgeIdentity(supervisor)] }),
    };
    const approval = {
      decision: 'approved' as const,
      comment: '',
      items: [],
      withoutItemReview: { reason: 'Checked with the analyst by phone.' },
    };
    await expect(decidePackage(supervisor, policy, source, join(out, 'approved.zip'), approval)).rejects.toSatisfy(
      (e) => isJejakError(e, 'INVALID_INPUT'),
    );
    const decided = await decidePackage(supervisor, policy, source, join(out, 'approved.zip.age'), approval);
    expect(decided.recipients.sort()).toEqual(
      [archive.recipient, a.ageRecipient, getIdentity(supervisor).ageRecipient].sort(),
    );
    const back = await verifyPackage(decided.path, { ageIdentities: [vaultAgeIdentity(analyst)] });
    expect(back.statements.map((s) => s.decision)).toEqual(['submitted', 'approved']);
    analyst.close('test');
    supervisor.close('test');
  });
});
