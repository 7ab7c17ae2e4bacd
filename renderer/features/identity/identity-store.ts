import { create } from 'zustand';
import type { Args, Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { useVaultStore } from '../vault/vault-store';

export type Identity = Result<'identity.get'>;
export type IdentityFields = Args<'identity.set'>;

interface IdentityState {
  identity: Identity | null;
  loading: boolean;
  saving: boolean;
  saved: boolean;
  error: UiError | null;
  load(): Promise<void>;
  save(fields: IdentityFields): Promise<boolean>;
}

export const initialIdentityState = {
  identity: null as Identity | null,
  loading: false,
  saving: false,
  saved: false,
  error: null as UiError | null,
};

/** Who signs from this vault: name, unit, role and keys. */
export const useIdentityStore = create<IdentityState>((set) => ({
  ...initialIdentityState,
  async load() {
    set({ loading: true, error: null });
    try {
      set({ identity: await call('identity.get', {}) });
    } catch (e) {
      set({ error: toUiError(e) });
    } finally {
      set({ loading: false });
    }
  },
  async save(fields) {
    set({ saving: true, saved: false, error: null });
    try {
      set({ identity: await call('identity.set', fields), saved: true });
      // The top bar shows the unit: let the vault status pick up the new one.
      void useVaultStore.getState().load();
      return true;
    } catch (e) {
      set({ error: toUiError(e) });
      return false;
    } finally {
      set({ saving: false });
    }
  },
}));

registerReset(() => useIdentityStore.setState(initialIdentityState));
