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
  /**
   * Next to a page answered in this generation, a page starts from that page's edge row (the core
   * reads only the page, however deep); otherwise, as after a jump, from its offset.
   */
  function placeOf(page: number): Pick<Args<'evidence.list'>, 'offset' | 'after' | 'before'> {
    const edge = (row: EvidenceSummary) => ({ intakeAt: row.intakeAt, id: row.id });
    const previous = get().pages.get(page - 1);
    if (previous?.length === EVIDENCE_PAGE && requests.answered(page - 1))
      return { offset: 0, after: edge(previous.at(-1)!) };
    const next = get().pages.get(page + 1);
    if (next?.length && requests.answered(page + 1)) return { offset: 0, before: edge(next[0]!) };
    return { offset: page * EVIDENCE_PAGE };
  }

  async function loadPage(page: number): Promise<void> {
    const generation = requests.current;
    try {
      const result = await call('evidence.list', { filter: get().filter, limit: EVIDENCE_PAGE, ...placeOf(page) });
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
