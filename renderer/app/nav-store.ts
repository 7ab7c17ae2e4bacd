import { create } from 'zustand';
import { registerReset } from './reset-stores';

export type Area =
  'dashboard' | 'transparency' | 'channels' | 'evidence' | 'cases' | 'review' | 'activity' | 'settings';

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
