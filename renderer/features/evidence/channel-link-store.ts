import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';

export type ChannelChoice = Result<'channels.list'>['rows'][number];

/** Channels offered at once; more means the person types a narrower search. */
export const CHANNEL_CHOICES = 20;

interface ChannelLinkState {
  open: boolean;
  text: string;
  rows: ChannelChoice[];
  total: number | null;
  error: UiError | null;
  start(): void;
  search(text: string): Promise<void>;
  close(): void;
}

export const initialChannelLinkState = {
  open: false,
  text: '',
  rows: [] as ChannelChoice[],
  total: null as number | null,
  error: null as UiError | null,
};

/** The catalog, searched to link an evidence item to one of its channels (the viewer's channel picker). */
export const useChannelLinkStore = create<ChannelLinkState>((set, get) => ({
  ...initialChannelLinkState,
  start() {
    set({ ...initialChannelLinkState, open: true });
    void get().search('');
  },
  async search(text) {
    set({ text, error: null });
    try {
      const filter = text.trim() ? { text: text.trim() } : {};
      const { rows, total } = await call('channels.list', {
        filter,
        sort: 'lastSeen',
        descending: true,
        offset: 0,
        limit: CHANNEL_CHOICES,
      });
      // an answer to an older search is dropped: the person kept typing
      if (get().text === text && get().open) set({ rows, total });
    } catch (e) {
      set({ error: toUiError(e) });
    }
  },
  close() {
    set(initialChannelLinkState);
  },
}));

registerReset(() => useChannelLinkStore.setState(initialChannelLinkState));
