import { create } from 'zustand';
import { ApiError, call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { downloadBase64 } from '../identity/download';

interface TimestampState {
  phase: 'idle' | 'saving' | 'saved' | 'failed';
  /** the package the last save was for */
  reviewId: string | null;
  count: number;
  /** where the desktop app wrote them; null when the browser downloaded them */
  folder: string | null;
  error: UiError | null;
  save(reviewId: string): Promise<void>;
}

export const initialTimestampState = {
  phase: 'idle' as TimestampState['phase'],
  reviewId: null as string | null,
  count: 0,
  folder: null as string | null,
  error: null as UiError | null,
};

/** The desktop's folder dialog; undefined in the browser harness, which has none and downloads instead. */
async function chooseFolder(): Promise<string | null | undefined> {
  try {
    return (await call('host.chooseFolder', { purpose: 'timestamp-requests' })).path;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAVAILABLE') return undefined;
    throw e;
  }
}

/** "Save time-stamp requests": the core makes one RFC 3161 request per statement of the open package. */
export const useTimestampStore = create<TimestampState>((set) => ({
  ...initialTimestampState,
  async save(reviewId) {
    set({ ...initialTimestampState, reviewId, phase: 'saving' });
    try {
      const folder = await chooseFolder();
      if (folder === null) {
        set(initialTimestampState);
        return;
      }
      // In the desktop app `folder` is a grant token; the core answers with the folder it wrote to.
      const saved = await call('review.timestampRequests', { reviewId, ...(folder ? { folder } : {}) });
      for (const r of saved.requests) downloadBase64(r.fileName, r.dataBase64, 'application/timestamp-query');
      set({ phase: 'saved', count: saved.folder ? saved.written.length : saved.requests.length, folder: saved.folder });
    } catch (e) {
      set({ phase: 'failed', error: toUiError(e) });
    }
  },
}));

registerReset(() => useTimestampStore.setState(initialTimestampState));
