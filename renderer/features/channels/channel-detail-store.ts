import { create } from 'zustand';
import type { Args, Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import type { ReturnTo } from '../search/return-to';
import { useChannelsStore } from './channels-store';
import { useVocabularyStore } from '../catalog/vocabulary-store';

export type ChannelDetail = Result<'channels.get'>;
export type EvidenceSummary = Result<'evidence.list'>['rows'][number];
type ChannelPatch = Omit<Args<'channels.update'>, 'id'>;

/** The evidence shown on a channel's page; the Evidence area lists the rest. */
const GALLERY_LIMIT = 200;

interface ChannelDetailState {
  id: number | null;
  returnTo: ReturnTo | null;
  channel: ChannelDetail | null;
  loading: boolean;
  saving: boolean;
  error: UiError | null;
  evidence: EvidenceSummary[];
  evidenceTotal: number;
  evidenceLoading: boolean;
  open(id: number, returnTo?: ReturnTo): void;
  /** fetches the channel and its evidence again, keeping them on screen meanwhile */
  reload(): void;
  close(): ReturnTo | null;
  update(patch: ChannelPatch): Promise<boolean>;
  setStatus(status: ChannelDetail['status'], note: string): Promise<boolean>;
  exclude(reason: string): Promise<boolean>;
  restore(): Promise<boolean>;
}

export const initialChannelDetailState = {
  id: null as number | null,
  returnTo: null as ReturnTo | null,
  channel: null as ChannelDetail | null,
  loading: false,
  saving: false,
  error: null as UiError | null,
  evidence: [] as EvidenceSummary[],
  evidenceTotal: 0,
  evidenceLoading: false,
};

export const useChannelDetailStore = create<ChannelDetailState>((set, get) => {
  async function save(fn: () => Promise<ChannelDetail>): Promise<boolean> {
    const id = get().id;
    set({ saving: true, error: null });
    try {
      const channel = await fn();
      if (get().id === id) set({ channel });
      useChannelsStore.getState().refresh();
      return true;
    } catch (e) {
      set({ error: toUiError(e) });
      return false;
    } finally {
      set({ saving: false });
    }
  }

  return {
    ...initialChannelDetailState,
    open(id, returnTo) {
      // the page fetches what it shows when it appears (ChannelDetailView), and again each time it comes back
      set({ ...initialChannelDetailState, id, returnTo: returnTo ?? null, loading: true, evidenceLoading: true });
    },
    reload() {
      const id = get().id;
      if (id === null) return;
      call('channels.get', { id })
        .then((channel) => get().id === id && set({ channel }))
        .catch((e: unknown) => get().id === id && set({ error: toUiError(e) }))
        .finally(() => get().id === id && set({ loading: false }));
      call('evidence.list', { filter: { channelId: id }, offset: 0, limit: GALLERY_LIMIT })
        .then(({ rows, total }) => get().id === id && set({ evidence: rows, evidenceTotal: total }))
        .catch((e: unknown) => get().id === id && set({ error: toUiError(e) }))
        .finally(() => get().id === id && set({ evidenceLoading: false }));
    },
    close() {
      const { returnTo } = get();
      set(initialChannelDetailState);
      return returnTo;
    },
    async update(patch) {
      const id = get().id;
      if (id === null) return false;
      const ok = await save(() => call('channels.update', { id, ...patch }));
      if (ok && patch.tags) void useVocabularyStore.getState().load(true);
      return ok;
    },
    setStatus(status, note) {
      const id = get().id;
      if (id === null) return Promise.resolve(false);
      return save(() => call('channels.setStatus', { id, status, note: note.trim() || undefined }));
    },
    exclude(reason) {
      const id = get().id;
      return id === null ? Promise.resolve(false) : save(() => call('channels.exclude', { id, reason }));
    },
    restore() {
      const id = get().id;
      return id === null ? Promise.resolve(false) : save(() => call('channels.restore', { id }));
    },
  };
});

registerReset(() => useChannelDetailStore.setState(initialChannelDetailState));
