import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';

export type AuditEntry = Result<'audit.list'>['entries'][number];
export type ChainCheck = Result<'audit.verify'>;

const PAGE = 100;

interface ActivityState {
  entries: AuditEntry[];
  loading: boolean;
  complete: boolean;
  check: ChainCheck | null;
  checking: boolean;
  error: UiError | null;
  loadFirst(): Promise<void>;
  loadMore(): Promise<void>;
  verify(): Promise<void>;
}

export const initialActivityState = {
  entries: [],
  loading: false,
  complete: false,
  check: null,
  checking: false,
  error: null,
};

export const useActivityStore = create<ActivityState>((set, get) => {
  async function page(beforeSeq?: number) {
    set({ loading: true, error: null });
    try {
      const { entries } = await call('audit.list', { limit: PAGE, beforeSeq });
      set({ entries: beforeSeq ? [...get().entries, ...entries] : entries, complete: entries.length < PAGE });
    } catch (e) {
      set({ error: toUiError(e) });
    } finally {
      set({ loading: false });
    }
  }
  return {
    ...initialActivityState,
    loadFirst: () => page(),
    loadMore: () => page(get().entries.at(-1)?.seq),
    async verify() {
      set({ checking: true, check: null });
      try {
        set({ check: await call('audit.verify', {}) });
      } catch (e) {
        set({ error: toUiError(e) });
      } finally {
        set({ checking: false });
      }
    },
  };
});

registerReset(() => useActivityStore.setState(initialActivityState));
