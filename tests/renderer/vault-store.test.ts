import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JejakApp } from '../../electron/core/app/jejak-app';
import { call } from '../../renderer/api';
import { resetAllStores } from '../../renderer/app/reset-stores';
import { useChannelsStore } from '../../renderer/features/channels/channels-store';
import { useVaultStore } from '../../renderer/features/vault/vault-store';
import { useI18n } from '../../renderer/i18n';
import { PASSPHRASE } from '../fixtures/temp-constants';
import { installRealApi } from './real-api';
import { until } from './store-until';

const initialVault = useVaultStore.getState();
const vault = () => useVaultStore.getState();
let app: JejakApp | null = null;

function start(policy = {}) {
  app = installRealApi(policy);
  resetAllStores();
  useVaultStore.setState(initialVault, true);
}
afterEach(() => app?.lock('test'));
beforeEach(() => useI18n.getState().setLanguage('id'));

const ANALYST = { name: 'Sari Analis', unit: 'Direktorat', employeeId: 'NIP-1', role: 'analyst' as const };

describe('the vault store over the real core', { timeout: 60_000 }, () => {
  it('creates a vault, shows its recovery code once, then opens it', async () => {
    start();
    await vault().load();
    expect(vault().phase).toBe('absent');
    await vault().create(PASSPHRASE, ANALYST);
    expect(vault()).toMatchObject({ phase: 'recovery-code', status: { state: 'unlocked' }, error: null });
    const code = vault().recoveryCode;
    expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await vault().confirmRecoverySaved();
    expect(vault()).toMatchObject({ phase: 'unlocked', recoveryCode: null });
    // the code is gone from the window for good: reloading does not bring it back
    await vault().load();
    expect(vault()).toMatchObject({ phase: 'unlocked', recoveryCode: null });
  });

  it('a wrong passphrase gives the coded error and keeps the vault locked; the right one opens it', async () => {
    start();
    await vault().create(PASSPHRASE, ANALYST);
    await vault().confirmRecoverySaved();
    await vault().lock();
    expect(vault().phase).toBe('locked');
    await vault().unlock('not the passphrase at all');
    expect(vault()).toMatchObject({ phase: 'locked', busy: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect((await call('vault.status', {})).state).toBe('locked');
    await vault().unlock(PASSPHRASE);
    expect(vault()).toMatchObject({ phase: 'unlocked', error: null });
  });

  it('locking clears what the other stores showed; unlocking shows it again from the vault', async () => {
    start();
    await vault().create(PASSPHRASE, ANALYST);
    await vault().confirmRecoverySaved();
    await call('channels.commitImport', { text: 'https://t.me/daulah_media', category: 'terorisme' });
    useChannelsStore.getState().ensureRange(0, 0);
    await until(useChannelsStore, (s) => s.total === 1);
    await vault().lock();
    expect(useChannelsStore.getState()).toMatchObject({ total: null, pages: new Map() });

    await vault().unlock(PASSPHRASE);
    useChannelsStore.getState().ensureRange(0, 0);
    expect((await until(useChannelsStore, (s) => s.total !== null)).total).toBe(1);
  });

  it('recovers with the recovery code under a new passphrase; the old one no longer opens the vault', async () => {
    start();
    await vault().create(PASSPHRASE, ANALYST);
    const code = vault().recoveryCode!;
    await vault().confirmRecoverySaved();
    await vault().lock();
    await vault().recover('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', 'a new passphrase of five words');
    expect(vault()).toMatchObject({ phase: 'locked', error: { code: 'WRONG_RECOVERY_CODE' } });
    await vault().recover(code, 'a new passphrase of five words');
    expect(vault()).toMatchObject({ phase: 'unlocked', error: null });
    await vault().lock();
    await vault().unlock(PASSPHRASE);
    expect(vault().error?.code).toBe('WRONG_PASSPHRASE');
    await vault().unlock('a new passphrase of five words');
    expect(vault().phase).toBe('unlocked');
  });

  it('asks for a name before any work when the policy wants one, and opens once it is given', async () => {
    start({ allowAnonymousVault: false });
    await vault().create(PASSPHRASE);
    expect(vault()).toMatchObject({ phase: 'loading', error: { code: 'IDENTITY_REQUIRED' } });
    expect((await call('vault.status', {})).state).toBe('absent');
    await vault().create(PASSPHRASE, ANALYST);
    await vault().confirmRecoverySaved();
    expect(vault().phase).toBe('unlocked');
  });
});
