import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/api/dispatch';
import { createCase } from '../../../electron/core/cases/cases';
import { exportCase } from '../../../electron/core/cases/export-case';
import { sql } from '../../../electron/core/db/sql';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { getIdentity, setIdentity } from '../../../electron/core/identity/identity';
import { readPackageEntry } from '../../../electron/core/packages';
import { createVault } from '../../../electron/core/vault/vault';
import { testApp } from '../../fixtures/app';
import { RESOURCES } from '../../fixtures/case';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { FAST_KDF, PASSPHRASE, newVault, tempDir } from '../../fixtures/temp';

const RINA = {
  name: 'Rina Wulandari',
  unit: 'Direktorat Pengendalian Konten',
  employeeId: '198801012015032001',
  role: 'analyst' as const,
};

describe('who works in a vault', () => {
  it('a vault is created only with a name, unit and employee ID, unless the policy allows an IT test vault; a refusal writes nothing', async () => {
    const dir = join(tempDir(), 'vault');
    await expect(createVault(dir, PASSPHRASE, { actor: 'os:root', kdf: FAST_KDF })).rejects.toMatchObject({
      code: 'IDENTITY_REQUIRED',
    });
    await expect(
      createVault(dir, PASSPHRASE, { actor: 'os:root', kdf: FAST_KDF, identity: { ...RINA, employeeId: ' ' } }),
    ).rejects.toMatchObject({
      code: 'IDENTITY_REQUIRED',
      message: expect.stringMatching(/employee ID/),
    });
    await expect(
      createVault(dir, PASSPHRASE, { actor: 'os:root', kdf: FAST_KDF, identity: { ...RINA, unit: '' } }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/unit is required/) });
    expect(existsSync(dir)).toBe(false);

    // The policy's unit stands in for an empty one.
    const { session } = await createVault(dir, PASSPHRASE, {
      actor: 'os:root',
      kdf: FAST_KDF,
      identity: { ...RINA, unit: '' },
      policyUnit: 'Direktorat X',
    });
    expect(getIdentity(session)).toMatchObject({ name: RINA.name, employeeId: RINA.employeeId, role: 'analyst' });
    // From the very first entry, the log names the person, never the OS account.
    const actors = session.db.all<{ action: string; actor: string }>(sql`SELECT action, actor FROM audit ORDER BY seq`);
    expect(actors.map((a) => a.action)).toEqual(['vault.created', 'identity.key-created', 'identity.updated']);
    expect(new Set(actors.map((a) => a.actor))).toEqual(new Set(['Rina Wulandari (198801012015032001)']));
    session.close('test');

    const anonymous = await createVault(join(tempDir(), 'uji'), PASSPHRASE, {
      actor: 'os:it',
      kdf: FAST_KDF,
      allowAnonymous: true,
    });
    expect(getIdentity(anonymous.session).name).toBe('');
    anonymous.session.close('test');
  });

  it('the window creates a vault with the identity, and vault.status flags an open vault that names nobody unless the policy allows it', async () => {
    const app = testApp({ allowAnonymousVault: false });
    expect(await dispatch(app, 'vault.create', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'IDENTITY_REQUIRED' },
    });
    expect(await dispatch(app, 'vault.create', { passphrase: PASSPHRASE, identity: RINA })).toMatchObject({ ok: true });
    expect(await dispatch(app, 'vault.status', {})).toMatchObject({
      ok: true,
      value: { identityMissing: false, allowAnonymousVault: false, actor: 'Rina Wulandari (198801012015032001)' },
    });
    app.lock('test');

    // A vault made before identities were asked for: the window asks for one at unlock.
    const legacy = testApp({ allowAnonymousVault: false });
    (
      await createVault(legacy.config.vaultDir, PASSPHRASE, { actor: 'os:root', kdf: FAST_KDF, allowAnonymous: true })
    ).session.close('made');
    await dispatch(legacy, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(await dispatch(legacy, 'vault.status', {})).toMatchObject({
      ok: true,
      value: { identityMissing: true, actor: expect.stringMatching(/^os:/) },
    });
    await dispatch(legacy, 'identity.set', RINA);
    expect(await dispatch(legacy, 'vault.status', {})).toMatchObject({ ok: true, value: { identityMissing: false } });
    legacy.lock('test');

    const testVault = testApp();
    await dispatch(testVault, 'vault.create', { passphrase: PASSPHRASE });
    expect(await dispatch(testVault, 'vault.status', {})).toMatchObject({
      ok: true,
      value: { identityMissing: false, allowAnonymousVault: true },
    });
    testVault.lock('test');
  });

  it('an item taken in before the vault had an identity is "not stated" in the report, never the OS account', async () => {
    const { session } = await newVault('os:root');
    const early = await intakeBytes(session, POLICY, await screenshotPng(41), { originalName: 'sebelum.png' });
    setIdentity(session, RINA);
    const later = await intakeBytes(session, POLICY, await screenshotPng(42), { originalName: 'sesudah.png' });
    const kase = createCase(session, POLICY, {
      title: 'Identitas',
      platform: 'telegram',
      evidenceIds: [early.evidenceId, later.evidenceId],
    });
    const zip = join(tempDir(), 'p.zip');
    await exportCase(session, POLICY, kase.id, zip, { language: 'id', resourcesDir: RESOURCES, version: 'test' });
    const report = JSON.parse((await readPackageEntry(zip, 'data/report.json')).toString('utf8'));
    expect(report.evidence.map((e: { takenBy: string }) => e.takenBy)).toEqual([
      '',
      'Rina Wulandari (198801012015032001)',
    ]);
    expect(JSON.stringify(report)).not.toContain('os:root');
    session.close('test');
  });
});
