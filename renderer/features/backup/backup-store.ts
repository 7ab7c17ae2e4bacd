import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { ApiError, call, newJobId, subscribeEvents } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';

export type BackupStatus = Result<'backup.status'>;
export type BackupResult = Result<'backup.create'>;

interface BackupState {
  status: BackupStatus | null;
  phase: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  jobId: string | null;
  done: number;
  total: number;
  /** snapshot, copy or verify */
  step: string;
  result: BackupResult | null;
  error: UiError | null;
  load(): Promise<void>;
  start(): Promise<void>;
  cancel(): Promise<void>;
}

export const initialBackupState = {
  status: null as BackupStatus | null,
  phase: 'idle' as BackupState['phase'],
  jobId: null as string | null,
  done: 0,
  total: 0,
  step: '',
  result: null as BackupResult | null,
  error: null as UiError | null,
};

/**
 * Where the backup goes: the policy's folder when it names one; else the desktop app's save
 * dialog (null: closed), or in the browser harness the default folder (undefined).
 */
async function chooseDestination(status: BackupStatus): Promise<string | undefined | null> {
  if (status.folderFixed) return undefined;
  try {
    return (await call('host.chooseBackupPath', { defaultName: 'jejak-backup.tar' })).path;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAVAILABLE') return undefined;
    throw e;
  }
}

export const useBackupStore = create<BackupState>((set, get) => ({
  ...initialBackupState,
  async load() {
    try {
      set({ status: await call('backup.status', {}) });
    } catch (e) {
      set({ error: toUiError(e) });
    }
  },
  async start() {
    const status = get().status;
    if (!status || get().phase === 'running') return;
    set({ ...initialBackupState, status });
    try {
      const destination = await chooseDestination(status);
      if (destination === null) return;
      const jobId = newJobId();
      set({ phase: 'running', jobId });
      const off = subscribeEvents((event) => {
        if (event.type === 'progress' && event.jobId === jobId && get().jobId === jobId)
          set({ done: event.done, total: event.total, step: event.label ?? '' });
      });
      try {
        const result = await call('backup.create', { jobId, ...(destination ? { destination } : {}) });
        if (get().jobId === jobId) set({ phase: 'done', result });
      } finally {
        off();
      }
      await get().load();
    } catch (e) {
      const error = toUiError(e);
      set({ phase: error.code === 'CANCELLED' ? 'cancelled' : 'failed', error });
    }
  },
  async cancel() {
    const { jobId, phase } = get();
    if (jobId && phase === 'running') await call('jobs.cancel', { jobId }).catch(() => undefined);
  },
}));

registerReset(() => useBackupStore.setState(initialBackupState));
