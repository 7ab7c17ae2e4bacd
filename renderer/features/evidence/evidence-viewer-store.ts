import { create } from 'zustand';
import type { Args, Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { useVocabularyStore } from '../channels/vocabulary-store';
import type { ReturnTo } from '../search/return-to';
import { useEvidenceStore } from './evidence-store';

export type EvidenceDetail = Result<'evidence.get'>;
type EvidencePatch = Omit<Args<'evidence.update'>, 'id'>;

interface ViewerState {
  id: number | null;
  returnTo: ReturnTo | null;
  item: EvidenceDetail | null;
  loading: boolean;
  saving: boolean;
  error: UiError | null;
  open(id: number, returnTo?: ReturnTo): void;
  close(): ReturnTo | null;
  update(patch: EvidencePatch): Promise<boolean>;
  exclude(reason: string): Promise<boolean>;
  restore(): Promise<boolean>;
  /** removes the item for good (never-exported only); the viewer closes */
  purge(): Promise<Result<'evidence.purge'> | null>;
}

export const initialViewerState = {
  id: null as number | null,
  returnTo: null as ReturnTo | null,
  item: null as EvidenceDetail | null,
  loading: false,
  saving: false,
  error: null as UiError | null,
};

export const useEvidenceViewerStore = create<ViewerState>((set, get) => {
  async function save<T>(fn: (id: number) => Promise<T>, after: (result: T) => void): Promise<T | null> {
    const id = get().id;
    if (id === null) return null;
    set({ saving: true, error: null });
    try {
      const result = await fn(id);
      if (get().id === id) after(result);
      useEvidenceStore.getState().refresh();
      return result;
    } catch (e) {
      set({ error: toUiError(e) });
      return null;
    } finally {
      set({ saving: false });
    }
  }
  const show = (item: EvidenceDetail) => set({ item });

  return {
    ...initialViewerState,
    open(id, returnTo) {
      // Following a near-duplicate link inside the viewer keeps the original way back.
      const keep = get().id !== null && returnTo === 'evidence' ? get().returnTo : null;
      set({
        ...initialViewerState,
        id,
        returnTo: keep ?? returnTo ?? null,
        loading: true,
      });
      call('evidence.get', { id })
        .then((item) => get().id === id && set({ item }))
        .catch((e: unknown) => get().id === id && set({ error: toUiError(e) }))
        .finally(() => get().id === id && set({ loading: false }));
    },
    close() {
      const { returnTo } = get();
      set(initialViewerState);
      return returnTo;
    },
    async update(patch) {
      const item = await save((id) => call('evidence.update', { id, ...patch }), show);
      if (item && patch.tags) void useVocabularyStore.getState().load(true);
      return item !== null;
    },
    async exclude(reason) {
      return (await save((id) => call('evidence.exclude', { id, reason }), show)) !== null;
    },
    async restore() {
      return (await save((id) => call('evidence.restore', { id }), show)) !== null;
    },
    purge() {
      return save(
        (id) => call('evidence.purge', { id }),
        (purged) => useEvidenceStore.setState({ purged }),
      );
    },
  };
});

registerReset(() => useEvidenceViewerStore.setState(initialViewerState));
