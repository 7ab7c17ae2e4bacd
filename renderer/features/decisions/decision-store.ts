import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call, grantForFile, newJobId } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { fileToBase64 } from '../evidence/base64';
import { chooseDestination } from '../review/review-store';
import { useCasesStore } from '../cases/cases-store';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../../electron/common/limits';

export type ReceiveOutcome = Result<'decisions.receivePath'>;

interface DecisionState {
  /** the case a receive or export belongs to: another case's page shows none of it */
  caseId: number | null;
  phase: 'idle' | 'receiving' | 'done' | 'failed';
  fileName: string | null;
  jobId: string | null;
  outcome: ReceiveOutcome | null;
  error: UiError | null;
  exported: { decisionId: number; path: string } | null;
  exportError: UiError | null;
  /** a file is dragged over the case page */
  over: boolean;
  receive(caseId: number, file: File): Promise<void>;
  cancel(): Promise<void>;
  exportAgain(caseId: number, decisionId: number, fileName: string): Promise<void>;
  setOver(over: boolean): void;
}

export const initialDecisionState = {
  caseId: null as number | null,
  phase: 'idle' as DecisionState['phase'],
  fileName: null as string | null,
  jobId: null as string | null,
  outcome: null as ReceiveOutcome | null,
  error: null as UiError | null,
  exported: null as DecisionState['exported'],
  exportError: null as UiError | null,
  over: false,
};

/** The supervisor's package coming back to the case: dropped or picked, checked by the core, recorded. */
export const useDecisionStore = create<DecisionState>((set, get) => ({
  ...initialDecisionState,
  async receive(caseId, file) {
    if (get().phase === 'receiving') return;
    const jobId = newJobId();
    set({ ...initialDecisionState, caseId, phase: 'receiving', fileName: file.name, jobId });
    try {
      const path = await grantForFile(file);
      let outcome: ReceiveOutcome;
      if (path) outcome = await call('decisions.receivePath', { caseId, path, jobId });
      else if (file.size > MAX_PACKAGE_UPLOAD_BYTES)
        throw new Error('Packages over 1 GiB must be received in the desktop app.');
      else
        outcome = await call('decisions.receiveBytes', {
          caseId,
          name: file.name,
          dataBase64: await fileToBase64(file),
          jobId,
        });
      if (get().jobId === jobId) set({ phase: 'done', outcome });
      await useCasesStore.getState().reloadDetail();
      void useCasesStore.getState().load();
    } catch (e) {
      if (get().jobId === jobId) set({ phase: 'failed', error: toUiError(e) });
    }
  },
  async cancel() {
    const { jobId, phase } = get();
    if (jobId && phase === 'receiving') await call('jobs.cancel', { jobId }).catch(() => undefined);
  },
  async exportAgain(caseId, decisionId, fileName) {
    set({ caseId, exported: null, exportError: null });
    try {
      const destination = await chooseDestination(fileName);
      if (destination === null) return;
      const { path } = await call('decisions.export', { decisionId, ...(destination ? { destination } : {}) });
      set({ exported: { decisionId, path } });
    } catch (e) {
      set({ exportError: toUiError(e) });
    }
  },
  setOver(over) {
    if (get().over !== over) set({ over });
  },
}));

registerReset(() => useDecisionStore.setState(initialDecisionState));
