import { describe, expect, it } from 'vitest';
import { addOrFindChannel } from '../../../electron/core/catalog/channels';
import { unlockVault } from '../../../electron/core/vault/vault';
import { POLICY } from '../../fixtures/catalog';
import { newVault, PASSPHRASE } from '../../fixtures/temp';

describe('a vault another process keeps busy with a change', () => {
  it('refuses the unlock with VAULT_BUSY once the wait runs out, and unlocks once the change is done', async () => {
    const { dir, session } = await newVault();
    // as another process would, in the middle of a change: it holds the database's write lock
    session.db.raw.exec('BEGIN IMMEDIATE');
    await expect(unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'second' })).rejects.toMatchObject({
      code: 'VAULT_BUSY',
      message: expect.stringMatching(/kept the vault busy.*Nothing was changed/),
    });
    session.db.raw.exec('ROLLBACK');
    const again = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'second' });
    expect(addOrFindChannel(again, POLICY, { url: 'https://t.me/kanal_uji' }).created).toBe(true);
    again.close('test');
    session.close('test');
  });
});
