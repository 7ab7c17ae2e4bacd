import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { ApiError, call } from '../../api';
import { resetAllStores } from '../../app/reset-stores';
import { useI18n } from '../../i18n';

export type VaultStatus = Result<'vault.status'>;
export type Phase = 'loading' | 'fatal' | 'absent' | 'recovery-code' | 'locked' | 'unlocked';

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
  create(passphrase: string): Promise<void>;
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
        set({ phase: status.state });
      } catch (e) {
        set({ phase: 'fatal', fatal: asError(e).message });
      }
    },
    async create(passphrase) {
      await attempt(async () => {
        const { recoveryCode } = await call('vault.create', { passphrase });
        await refresh();
        set({ recoveryCode, phase: 'recovery-code' });
      });
    },
    async confirmRecoverySaved() {
      set({ recoveryCode: null, recoveryAfterRotation: false, phase: 'unlocked' });
    },
    async showRotatedRecoveryCode(recoveryCode) {
      await refresh();
      set({ recoveryCode, recoveryAfterRotation: true, phase: 'recovery-code' });
    },
    async unlock(passphrase) {
      await attempt(async () => {
        await call('vault.unlock', { passphrase });
        await refresh();
        set({ phase: 'unlocked' });
      });
    },
    async recover(recoveryCode, newPassphrase) {
      await attempt(async () => {
        await call('vault.recover', { recoveryCode, newPassphrase });
        await refresh();
        set({ phase: 'unlocked' });
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
