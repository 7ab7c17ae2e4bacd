import { create } from 'zustand';
import { ApiError, call, newJobId, subscribeEvents } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { useVaultStore } from '../vault/vault-store';

interface RotationState {
  running: boolean;
  phase: 'originals' | 'commit' | null;
  done: number;
  total: number;
  error: { code: string; message: string } | null;
  /** resolves true when the keys were rotated (the new recovery code is then on screen) */
  rotate(current: string, next?: string): Promise<boolean>;
  clearError(): void;
}

export const initialRotationState = { running: false, phase: null, done: 0, total: 0, error: null };

export const useRotationStore = create<RotationState>((set) => ({
  ...initialRotationState,
  async rotate(current, next) {
    const jobId = newJobId();
    set({ ...initialRotationState, running: true });
    const off = subscribeEvents((event) => {
      if (event.type === 'progress' && event.jobId === jobId)
        set({ phase: event.label === 'commit' ? 'commit' : 'originals', done: event.done, total: event.total });
    });
    try {
      const { recoveryCode } = await call('vault.rotateKeys', { current, next, jobId });
      set(initialRotationState);
      await useVaultStore.getState().showRotatedRecoveryCode(recoveryCode);
      return true;
    } catch (e) {
      set({
        running: false,
        error: e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: String(e) },
      });
      return false;
    } finally {
      off();
    }
  },
  clearError: () => set({ error: null }),
}));

registerReset(() => useRotationStore.setState(initialRotationState));
