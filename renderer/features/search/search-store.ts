import { create } from 'zustand';
import type { Args, Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';

export type SearchHit = Result<'search.query'>['hits'][number];
export type SearchFilter = Args<'search.query'>['filter'];

interface SearchState {
  /** the results view is shown over the current area */
  open: boolean;
  query: string;
  filter: SearchFilter;
  hits: SearchHit[] | null;
  loading: boolean;
  error: UiError | null;
  search(text: string): Promise<void>;
  setFilter(patch: Partial<SearchFilter>): Promise<void>;
  show(): void;
  hide(): void;
}

export const initialSearchState = {
  open: false,
  query: '',
  filter: {} as SearchFilter,
  hits: null as SearchHit[] | null,
  loading: false,
  error: null as UiError | null,
};

const LIMIT = 100;

export const useSearchStore = create<SearchState>((set, get) => {
  let sequence = 0;
  async function run() {
    const { query, filter } = get();
    const mine = ++sequence;
    if (!query.trim()) return set({ hits: [], loading: false, error: null });
    set({ loading: true, error: null });
    try {
      const { hits } = await call('search.query', { text: query, filter, limit: LIMIT });
      if (mine === sequence) set({ hits });
    } catch (e) {
      if (mine === sequence) set({ error: toUiError(e), hits: [] });
    } finally {
      if (mine === sequence) set({ loading: false });
    }
  }
  return {
    ...initialSearchState,
    search(text) {
      set({ query: text.trim().slice(0, 200), open: true });
      return run();
    },
    setFilter(patch) {
      const filter = { ...get().filter, ...patch };
      for (const key of Object.keys(filter) as Array<keyof SearchFilter>) if (!filter[key]) delete filter[key];
      set({ filter });
      return run();
    },
    show() {
      set({ open: true });
    },
    hide() {
      set({ open: false });
    },
  };
});

registerReset(() => useSearchStore.setState(initialSearchState));
