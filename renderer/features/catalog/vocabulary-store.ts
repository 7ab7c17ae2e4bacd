import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';

export type Vocabulary = Result<'catalog.vocabulary'>;

interface VocabularyState {
  vocabulary: Vocabulary | null;
  error: UiError | null;
  /** loads once; `force` after something may have added tags */
  load(force?: boolean): Promise<void>;
}

export const initialVocabularyState = { vocabulary: null, error: null };

/** Categories, statuses, platforms and tags in use: shared by the filters of channels, evidence and search. */
export const useVocabularyStore = create<VocabularyState>((set, get) => ({
  ...initialVocabularyState,
  async load(force = false) {
    if (get().vocabulary && !force) return;
    try {
      set({ vocabulary: await call('catalog.vocabulary', {}), error: null });
    } catch (e) {
      set({ error: toUiError(e) });
    }
  },
}));

registerReset(() => useVocabularyStore.setState(initialVocabularyState));
