import { create } from 'zustand';
import type { Args, Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { PageRequests, type Pages, pagesForRange, withPage } from '../../components/page-cache';

export type EvidenceSummary = Result<'evidence.list'>['rows'][number];
export type EvidenceFilter = Args<'evidence.list'>['filter'];

export const EVIDENCE_PAGE = 200;

interface EvidenceState {
  filter: EvidenceFilter;
  /** the channel's name when the gallery is narrowed to one channel */
  channelName: string | null;
  total: number | null;
  pages: Pages<EvidenceSummary>;
  generation: number;
  error: UiError | null;
  /** the item just purged, said once on the gallery */
  purged: { id: number; sha256: string } | null;
  ensureRange(start: number, end: number): void;
  setFilter(patch: Partial<EvidenceFilter>): void;
  showChannel(channelId: number, name: string): void;
  clearFilter(): void;
  refresh(): void;
}

export const initialEvidenceState = {
  filter: {} as EvidenceFilter,
  channelName: null as string | null,
  total: null as number | null,
  pages: new Map() as Pages<EvidenceSummary>,
  generation: 0,
  error: null as UiError | null,
  purged: null as { id: number; sha256: string } | null,
};

const requests = new PageRequests();

export const useEvidenceStore = create<EvidenceState>((set, get) => {
  async function loadPage(page: number): Promise<void> {
    const generation = requests.current;
    try {
      const result = await call('evidence.list', {
        filter: get().filter,
        offset: page * EVIDENCE_PAGE,
        limit: EVIDENCE_PAGE,
      });
      if (!requests.settle(generation, page, true)) return;
      set({ total: result.total, pages: withPage(get().pages, page, result.rows), error: null });
    } catch (e) {
      if (requests.settle(generation, page, false)) set({ error: toUiError(e) });
    }
  }

  function restart(patch: Partial<EvidenceState>, soft = false) {
    requests.next();
    set({
      ...patch,
      ...(soft ? {} : { pages: new Map(), purged: null }),
      generation: get().generation + 1,
      error: null,
    });
    // Page 0 always comes fresh: it carries the new total, which decides what else is fetched.
    if (requests.claim(0, false)) void loadPage(0);
  }

  return {
    ...initialEvidenceState,
    ensureRange(start, end) {
      const { pages, total } = get();
      for (const page of pagesForRange(start, end, EVIDENCE_PAGE, total)) {
        if (requests.claim(page, pages.has(page))) void loadPage(page);
      }
    },
    setFilter(patch) {
      const filter: EvidenceFilter = { ...get().filter, ...patch };
      for (const key of Object.keys(filter) as Array<keyof EvidenceFilter>)
        if (filter[key] === undefined || filter[key] === '') delete filter[key];
      restart({ filter, channelName: filter.channelId === undefined ? null : get().channelName });
    },
    showChannel(channelId, name) {
      restart({ filter: { channelId }, channelName: name });
    },
    clearFilter() {
      restart({ filter: {}, channelName: null });
    },
    refresh() {
      restart({}, true);
    },
  };
});

registerReset(() => {
  requests.next();
  useEvidenceStore.setState(initialEvidenceState);
});
