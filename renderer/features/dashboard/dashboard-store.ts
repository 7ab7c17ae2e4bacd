import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';

export type DashboardStats = Result<'dashboard.stats'>;

interface DashboardState {
  stats: DashboardStats | null;
  loading: boolean;
  error: UiError | null;
  load(): Promise<void>;
}

export const initialDashboardState = {
  stats: null as DashboardStats | null,
  loading: false,
  error: null as UiError | null,
};

export const useDashboardStore = create<DashboardState>((set) => ({
  ...initialDashboardState,
  async load() {
    set({ loading: true, error: null });
    try {
      set({ stats: await call('dashboard.stats', {}) });
    } catch (e) {
      set({ error: toUiError(e) });
    } finally {
      set({ loading: false });
    }
  },
}));

registerReset(() => useDashboardStore.setState(initialDashboardState));
