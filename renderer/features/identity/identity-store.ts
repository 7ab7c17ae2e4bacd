import { create } from 'zustand';
import type { Args, Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { useReviewStore } from '../review/review-store';
import { useVaultStore } from '../vault/vault-store';

export type Identity = Result<'identity.get'>;
export type IdentityFields = Args<'identity.set'>;
export type RosterEntry = Result<'trust.list'>['entries'][number];

interface IdentityState {
  identity: Identity | null;
  loading: boolean;
  saving: boolean;
  saved: boolean;
  error: UiError | null;
  roster: RosterEntry[] | null;
  rosterError: UiError | null;
  importing: boolean;
  imported: { added: number; total: number; fileName: string } | null;
  importError: { fileName: string; error: UiError } | null;
  load(): Promise<void>;
  save(fields: IdentityFields): Promise<boolean>;
  loadRoster(): Promise<void>;
  importRoster(fileName: string, json: string): Promise<void>;
  /** a roster refused before it reached the core (too large to send) */
  refuseImport(fileName: string, message: string): void;
}

export const initialIdentityState = {
  identity: null as Identity | null,
  loading: false,
  saving: false,
  saved: false,
  error: null as UiError | null,
  roster: null as RosterEntry[] | null,
  rosterError: null as UiError | null,
  importing: false,
  imported: null as { added: number; total: number; fileName: string } | null,
  importError: null as { fileName: string; error: UiError } | null,
};

/** Who signs from this vault (name, unit, role, key) and whose signatures it trusts. */
export const useIdentityStore = create<IdentityState>((set, get) => ({
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
  async loadRoster() {
    set({ rosterError: null });
    try {
      set({ roster: (await call('trust.list', {})).entries });
    } catch (e) {
      set({ rosterError: toUiError(e) });
    }
  },
  async importRoster(fileName, json) {
    set({ importing: true, imported: null, importError: null });
    try {
      const { added, total } = await call('trust.import', { json });
      set({ imported: { added, total, fileName } });
      // A package open for review is judged against the new roster at once.
      await Promise.all([get().loadRoster(), useReviewStore.getState().refresh()]);
    } catch (e) {
      set({ importError: { fileName, error: toUiError(e) } });
    } finally {
      set({ importing: false });
    }
  },
  refuseImport(fileName, message) {
    set({ imported: null, importError: { fileName, error: { code: 'ROSTER_TOO_LARGE', message } } });
  },
}));

registerReset(() => useIdentityStore.setState(initialIdentityState));
