import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { ApiError, call, newJobId, subscribeEvents } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { missingForSigning, packageFileName } from './case-helpers';
import { useCasesStore } from './cases-store';

export type ExportResult = Result<'cases.export'>;
export type ExportLanguage = 'id' | 'en';
export type ExportRecipients = Result<'cases.recipients'>;

interface ExportState {
  caseId: number | null;
  phase: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  jobId: string | null;
  done: number;
  total: number;
  label: string;
  result: ExportResult | null;
  error: UiError | null;
  /** what the signing identity lacks (name, unit): the export is not started */
  missing: Array<'name' | 'unit'>;
  /** whom a package can be encrypted for; loaded with the export card */
  recipients: ExportRecipients | null;
  /** the age recipients picked (beyond the policy's, which the core always adds) */
  chosen: string[];
  loadRecipients(): Promise<void>;
  toggleRecipient(recipient: string): void;
  start(
    kase: { id: number; reference: string },
    language: ExportLanguage,
    policyUnit: string | null,
  ): Promise<ExportResult | null>;
  cancel(): Promise<void>;
  dismiss(): void;
}

export const initialExportState = {
  caseId: null as number | null,
  phase: 'idle' as ExportState['phase'],
  jobId: null as string | null,
  done: 0,
  total: 0,
  label: '',
  result: null as ExportResult | null,
  error: null as UiError | null,
  missing: [] as Array<'name' | 'unit'>,
  recipients: null as ExportRecipients | null,
  chosen: [] as string[],
};

/** The native save dialog in the desktop app; in the browser harness there is none (the exports folder is used). */
async function chooseDestination(defaultName: string): Promise<string | undefined | null> {
  try {
    const { path } = await call('host.chooseExportPath', { defaultName });
    return path;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAVAILABLE') return undefined;
    throw e;
  }
}

/** One export at a time: it signs and writes the package, reporting bytes as they stream. */
export const useExportStore = create<ExportState>((set, get) => ({
  ...initialExportState,
  async loadRecipients() {
    try {
      set({ recipients: await call('cases.recipients', {}) });
    } catch {
      set({ recipients: null });
    }
  },
  toggleRecipient(recipient) {
    const { chosen } = get();
    set({ chosen: chosen.includes(recipient) ? chosen.filter((r) => r !== recipient) : [...chosen, recipient] });
  },
  async start(kase, language, policyUnit) {
    if (get().phase === 'running') return null;
    const { recipients, chosen } = get();
    set({ ...initialExportState, recipients, chosen, caseId: kase.id });
    try {
      const missing = missingForSigning(await call('identity.get', {}), policyUnit);
      if (missing.length > 0) {
        set({ phase: 'failed', missing });
        return null;
      }
      const sealed = chosen.length > 0 || (recipients?.required.length ?? 0) > 0;
      const destination = await chooseDestination(`${packageFileName(kase.reference)}${sealed ? '.age' : ''}`);
      // null: the person closed the save dialog; nothing happens.
      if (destination === null) return null;
      const jobId = newJobId();
      set({ phase: 'running', jobId });
      const off = subscribeEvents((event) => {
        if (event.type === 'progress' && event.jobId === jobId && get().jobId === jobId)
          set({ done: event.done, total: event.total, label: event.label ?? '' });
      });
      try {
        const result = await call('cases.export', {
          id: kase.id,
          jobId,
          language,
          recipients: chosen,
          ...(destination ? { destination } : {}),
        });
        if (get().jobId === jobId) set({ phase: 'done', result });
        // The export recorded itself (status "exported", the file in the case's exports).
        void useCasesStore.getState().reloadDetail();
        void useCasesStore.getState().load();
        return result;
      } finally {
        off();
      }
    } catch (e) {
      const error = toUiError(e);
      if (get().caseId === kase.id) set({ phase: error.code === 'CANCELLED' ? 'cancelled' : 'failed', error });
      return null;
    }
  },
  async cancel() {
    const { jobId, phase } = get();
    if (!jobId || phase !== 'running') return;
    await call('jobs.cancel', { jobId }).catch(() => undefined);
  },
  dismiss() {
    const { phase, recipients, chosen } = get();
    if (phase !== 'running') set({ ...initialExportState, recipients, chosen });
  },
}));

registerReset(() => useExportStore.setState(initialExportState));
