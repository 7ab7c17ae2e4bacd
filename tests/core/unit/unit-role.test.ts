import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getIdentity, setIdentity, vaultSigner } from '../../../electron/core/identity/identity';
import { importUnitPackage } from '../../../electron/core/unit/import-package';
import { createVault } from '../../../electron/core/vault/vault';
import { POLICY } from '../../fixtures/catalog';
import { FAST_KDF, PASSPHRASE, newVault, tempDir } from '../../fixtures/temp';

const who = { name: 'Meja Arsip', unit: 'Direktorat', employeeId: 'NIP-9' };

describe('the unit role', () => {
  it('is set at creation, signs nothing, and is the only vault that takes packages in', async () => {
    const { session } = await createVault(join(tempDir(), 'vault'), PASSPHRASE, {
      actor: 't',
      kdf: FAST_KDF,
      identity: { ...who, role: 'unit' },
    });
    expect(getIdentity(session).role).toBe('unit');
    expect(() => vaultSigner(session)).toThrow(/does not sign as an analyst or a supervisor/);
    session.close('test');

    const analyst = (await newVault()).session;
    await expect(importUnitPackage(analyst, POLICY, join(tempDir(), 'any.zip'))).rejects.toMatchObject({
      code: 'NOT_A_UNIT_VAULT',
    });
    analyst.close('test');
  });

  it('is fixed by a machine policy that names a vaultRole: another role is refused at creation and later', async () => {
    const dir = join(tempDir(), 'vault');
    const made = (role: 'analyst' | 'unit') =>
      createVault(dir, PASSPHRASE, { actor: 't', kdf: FAST_KDF, identity: { ...who, role }, policyRole: 'unit' });
    await expect(made('analyst')).rejects.toMatchObject({ code: 'POLICY' });
    const { session } = await made('unit');
    expect(() => setIdentity(session, { ...who, role: 'supervisor' }, 'unit')).toThrow(
      /policy makes every vault a unit vault/,
    );
    expect(getIdentity(session).role).toBe('unit');
    session.close('test');
  });
});
