import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { useReviewStore } from '../review/review-store';
import { MAX_ROSTER_CHARS } from '../../../electron/common/limits';

export type RosterEntry = Result<'trust.list'>['entries'][number];

interface TrustState {
  roster: RosterEntry[] | null;
  rosterError: UiError | null;
  importing: boolean;
  imported: { added: number; total: number; fileName: string } | null;
  importError: { fileName: string; error: UiError } | null;
  loadRoster(): Promise<void>;
  importRoster(fileName: string, json: string): Promise<void>;
  /** a roster refused before it reached the core: too large to send */
  refuseTooLarge(fileName: string): void;
}

export const initialTrustState = {
  roster: null as RosterEntry[] | null,
  rosterError: null as UiError | null,
  importing: false,
  imported: null as { added: number; total: number; fileName: string } | null,
  importError: null as { fileName: string; error: UiError } | null,
};

/** Whose signatures this vault trusts: the roster from the machine policy and the files imported here. */
export const useTrustStore = create<TrustState>((set, get) => ({
  ...initialTrustState,
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
  refuseTooLarge(fileName) {
    const error: UiError = {
      code: 'INVALID_INPUT',
      message: `The file is too large for a trust roster (over ${MAX_ROSTER_CHARS} bytes).`,
      reason: { key: 'trust.tooLarge' },
    };
    set({ imported: null, importError: { fileName, error } });
  },
}));

registerReset(() => useTrustStore.setState(initialTrustState));
