import { create } from 'zustand';
import type { Args, Result } from '../../../electron/contract';
import { ApiError, call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { useCasesStore } from '../cases/cases-store';
import { fileToBase64 } from '../evidence/base64';
import { MAX_RESPONSE_FILE_BYTES } from '../../../electron/common/limits';

export type CaseOutcomes = Result<'outcomes.get'>;
export type ItemOutcome = CaseOutcomes['items'][number];
export type ResponseImport = Result<'outcomes.importResponse'>;
export type Observation = Omit<Args<'outcomes.observe'>, 'caseId'>;

interface OutcomesState {
  /** the case shown: another case's page shows none of this */
  caseId: number | null;
  outcomes: CaseOutcomes | null;
  error: UiError | null;
  importing: boolean;
  imported: ResponseImport | null;
  importError: UiError | null;
  /** what the last observation did, for the status line */
  observed: { count: number; bulk: boolean } | null;
  observeError: UiError | null;
  busy: boolean;
  /** a file is dragged over the response drop zone */
  over: boolean;
  load(caseId: number): Promise<void>;
  importFile(caseId: number, file: File): Promise<void>;
  observe(caseId: number, observation: Observation): Promise<boolean>;
  setOver(over: boolean): void;
  clearObserveError(): void;
}

export const initialOutcomesState = {
  caseId: null as number | null,
  outcomes: null as CaseOutcomes | null,
  error: null as UiError | null,
  importing: false,
  imported: null as ResponseImport | null,
  importError: null as UiError | null,
  observed: null as OutcomesState['observed'],
  observeError: null as UiError | null,
  busy: false,
  over: false,
};

/** The case page moves on too: its status, and the list's overdue counts. */
async function refreshCase(): Promise<void> {
  await useCasesStore.getState().reloadDetail();
  void useCasesStore.getState().load();
}

/** Outcomes per item of one case: loaded from the core, a platform's response file taken in, the analyst's observations. */
export const useOutcomesStore = create<OutcomesState>((set, get) => ({
  ...initialOutcomesState,
  async load(caseId) {
    if (get().caseId !== caseId) set({ ...initialOutcomesState, caseId });
    try {
      const outcomes = await call('outcomes.get', { caseId });
      if (get().caseId === caseId) set({ outcomes, error: null });
    } catch (e) {
      if (get().caseId === caseId) set({ error: toUiError(e) });
    }
  },
  async importFile(caseId, file) {
    if (get().importing) return;
    set({ caseId, importing: true, imported: null, importError: null, observed: null, observeError: null });
    try {
      // The core's limit, checked before a byte is read: a larger file is no jejak-response/1.
      if (file.size > MAX_RESPONSE_FILE_BYTES)
        throw new ApiError('UNREADABLE', `The response file is ${file.size} bytes, over the limit.`, {
          key: 'outcomes.error.tooLarge',
        });
      const imported = await call('outcomes.importResponse', {
        caseId,
        name: file.name,
        dataBase64: await fileToBase64(file),
      });
      set({ imported });
      await Promise.all([get().load(caseId), refreshCase()]);
    } catch (e) {
      set({ importError: toUiError(e) });
    } finally {
      set({ importing: false });
    }
  },
  async observe(caseId, observation) {
    set({ busy: true, observed: null, observeError: null, imported: null, importError: null });
    try {
      const result = await call('outcomes.observe', { caseId, ...observation });
      set({ observed: { count: result.itemIds.length, bulk: observation.allOpen === true } });
      await Promise.all([get().load(caseId), refreshCase()]);
      return true;
    } catch (e) {
      set({ observeError: toUiError(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  setOver(over) {
    if (get().over !== over) set({ over });
  },
  clearObserveError() {
    set({ observeError: null });
  },
}));

registerReset(() => useOutcomesStore.setState(initialOutcomesState));
