import { create } from 'zustand';
import type { IdentityFields } from '../../../electron/common/identity-rules';
import type { Result } from '../../../electron/contract';
import { ApiError, call } from '../../api';
import { resetAllStores } from '../../app/reset-stores';
import { useI18n } from '../../i18n';

export type VaultStatus = Result<'vault.status'>;
/** 'identity': the vault is open but names nobody, and the policy wants a name before any work. */
export type Phase = 'loading' | 'fatal' | 'absent' | 'recovery-code' | 'locked' | 'identity' | 'unlocked';

interface VaultState {
  phase: Phase;
  status: VaultStatus | null;
  fatal: string | null;
  /** shown once after creation or a key rotation, dropped as soon as the user confirms */
  recoveryCode: string | null;
  /** the code replaces one from before a key rotation */
  recoveryAfterRotation: boolean;
  busy: boolean;
  error: { code: string; message: string } | null;
  load(): Promise<void>;
  create(passphrase: string, identity?: IdentityFields): Promise<void>;
  saveIdentity(identity: IdentityFields): Promise<void>;
  confirmRecoverySaved(): Promise<void>;
  /** after a key rotation: the vault is open under its new keys, and the new code is shown once */
  showRotatedRecoveryCode(recoveryCode: string): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  recover(recoveryCode: string, newPassphrase: string): Promise<void>;
  lock(): Promise<void>;
  showLocked(): void;
  clearError(): void;
}

function asError(e: unknown) {
  return e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: String(e) };
}

export const useVaultStore = create<VaultState>((set, get) => {
  /** Runs one call with busy and error handling; returns false when it failed. */
  async function attempt(fn: () => Promise<void>): Promise<boolean> {
    set({ busy: true, error: null });
    try {
      await fn();
      return true;
    } catch (e) {
      set({ error: asError(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  }

  /** Open: the shell, or first the identity a vault made before identities were asked for lacks. */
  const openPhase = (status: VaultStatus): Phase => (status.identityMissing ? 'identity' : 'unlocked');

  async function refresh(): Promise<VaultStatus> {
    const status = await call('vault.status', {});
    useI18n.getState().setLanguage(status.language);
    set({ status });
    return status;
  }

  return {
    phase: 'loading',
    status: null,
    fatal: null,
    recoveryCode: null,
    recoveryAfterRotation: false,
    busy: false,
    error: null,
    async load() {
      try {
        const status = await refresh();
        set({ phase: status.state === 'unlocked' ? openPhase(status) : status.state });
      } catch (e) {
        set({ phase: 'fatal', fatal: asError(e).message });
      }
    },
    async create(passphrase, identity) {
      await attempt(async () => {
        const { recoveryCode } = await call('vault.create', { passphrase, ...(identity ? { identity } : {}) });
        await refresh();
        set({ recoveryCode, phase: 'recovery-code' });
      });
    },
    async confirmRecoverySaved() {
      const status = get().status;
      set({ recoveryCode: null, recoveryAfterRotation: false, phase: status ? openPhase(status) : 'unlocked' });
    },
    async saveIdentity(identity) {
      await attempt(async () => {
        await call('identity.set', identity);
        set({ phase: openPhase(await refresh()) });
      });
    },
    async showRotatedRecoveryCode(recoveryCode) {
      await refresh();
      set({ recoveryCode, recoveryAfterRotation: true, phase: 'recovery-code' });
    },
    async unlock(passphrase) {
      await attempt(async () => {
        await call('vault.unlock', { passphrase });
        set({ phase: openPhase(await refresh()) });
      });
    },
    async recover(recoveryCode, newPassphrase) {
      await attempt(async () => {
        await call('vault.recover', { recoveryCode, newPassphrase });
        set({ phase: openPhase(await refresh()) });
      });
    },
    async lock() {
      await attempt(() => call('vault.lock', {}).then(() => undefined));
      get().showLocked();
    },
    showLocked() {
      resetAllStores();
      set({ phase: 'locked', recoveryCode: null, recoveryAfterRotation: false, busy: false });
    },
    clearError() {
      set({ error: null });
    },
  };
});
