import { create } from 'zustand';
import { registerReset } from './reset-stores';

export type Area =
  'dashboard' | 'unit' | 'transparency' | 'channels' | 'evidence' | 'cases' | 'review' | 'activity' | 'settings';

export const AREAS: Area[] = [
  'dashboard',
  'transparency',
  'channels',
  'evidence',
  'cases',
  'review',
  'activity',
  'settings',
];

/** A unit catalog vault adds its Unit area after the dashboard. */
export function areasFor(role: string | null | undefined): Area[] {
  return role === 'unit' ? ['dashboard', 'unit', ...AREAS.slice(1)] : AREAS;
}

interface NavState {
  area: Area;
  go(area: Area): void;
}

export const initialNavState = { area: 'dashboard' as Area };

export const useNavStore = create<NavState>((set) => ({
  ...initialNavState,
  go: (area) => set({ area }),
}));

registerReset(() => useNavStore.setState(initialNavState));
