import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';

export type Reappearance = Result<'outcomes.reappearances'>['flags'][number];
type Kind = 'channel' | 'evidence';

const NONE: Reappearance[] = [];

interface ReappearanceState {
  /** flags per channel or evidence item, by "channel:ID" / "evidence:ID" */
  flags: Record<string, Reappearance[]>;
  load(kind: Kind, id: number): Promise<void>;
}

export const initialReappearanceState = { flags: {} as Record<string, Reappearance[]> };

/** "Reappeared" flags of the channel or evidence item shown. */
export const useReappearanceStore = create<ReappearanceState>((set, get) => ({
  ...initialReappearanceState,
  async load(kind, id) {
    try {
      const { flags } = await call(
        'outcomes.reappearances',
        kind === 'channel' ? { channelId: id } : { evidenceId: id },
      );
      set({ flags: { ...get().flags, [`${kind}:${id}`]: flags } });
    } catch {
      // the page itself reports a locked vault or a missing item; no flag is shown rather than a wrong one
    }
  },
}));

/** The same empty list each time, so a component that selects it does not render again for nothing. */
export function flagsFor(state: ReappearanceState, kind: Kind, id: number): Reappearance[] {
  return state.flags[`${kind}:${id}`] ?? NONE;
}

registerReset(() => useReappearanceStore.setState(initialReappearanceState));
