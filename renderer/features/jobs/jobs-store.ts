import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call, subscribeEvents } from '../../api';
import { registerReset } from '../../app/reset-stores';

export type BackgroundStatus = Result<'jobs.status'>;

interface JobsState {
  status: BackgroundStatus | null;
  busy: boolean;
  /** loads the status and follows the queue's events; returns the unsubscribe */
  watch(): () => void;
  pause(): Promise<void>;
  resume(): Promise<void>;
}

export const initialJobsState = { status: null as BackgroundStatus | null, busy: false };

/** The background queue (OCR, hashes of older items): how much is left, paused or running. */
export const useJobsStore = create<JobsState>((set) => ({
  ...initialJobsState,
  watch() {
    void call('jobs.status', {})
      .then((status) => set({ status }))
      .catch(() => undefined);
    return subscribeEvents((event) => {
      if (event.type === 'background') set({ status: event });
    });
  },
  async pause() {
    set({ busy: true });
    try {
      set({ status: await call('jobs.pause', {}) });
    } finally {
      set({ busy: false });
    }
  },
  async resume() {
    set({ busy: true });
    try {
      set({ status: await call('jobs.resume', {}) });
    } finally {
      set({ busy: false });
    }
  },
}));

registerReset(() => useJobsStore.setState(initialJobsState));
