import { create } from 'zustand';
import type { Args, Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { PageRequests, type Pages, itemAt, pagesForRange, withPage } from '../../components/page-cache';
import { rangeBetween, toggled, withRange } from './selection';

export type ChannelSummary = Result<'channels.list'>['rows'][number];
export type ChannelSort = Args<'channels.list'>['sort'];
export type ChannelFilter = Args<'channels.list'>['filter'];

export const PAGE_SIZE = 200;
/** Text columns read best A→Z; dates newest first. */
const ASCENDING_FIRST: ReadonlySet<ChannelSort> = new Set(['title', 'platform', 'category', 'status']);

interface ChannelsState {
  filter: ChannelFilter;
  sort: ChannelSort;
  descending: boolean;
  total: number | null;
  pages: Pages<ChannelSummary>;
  /** bumps with every new filter, sort or refresh, so the table re-asks for what it shows */
  generation: number;
  error: UiError | null;
  selected: ReadonlySet<number>;
  anchor: number | null;
  active: number;
  scrollTop: number;
  /** a selection or bulk change in progress: rows done of rows to do */
  bulk: { done: number; total: number } | null;
  ensureRange(start: number, end: number): void;
  setFilter(patch: Partial<ChannelFilter>): void;
  clearFilter(): void;
  /** a whole new filter at once (from the dashboard) */
  replaceFilter(filter: ChannelFilter): void;
  setSort(sort: ChannelSort): void;
  refresh(): void;
  setActive(index: number): void;
  toggle(index: number, shift: boolean): Promise<void>;
  clearSelection(): void;
  setStatusOfSelected(status: ChannelSummary['status'], note: string): Promise<number>;
  rememberScroll(top: number): void;
}

export const initialChannelsState = {
  filter: {} as ChannelFilter,
  sort: 'created' as ChannelSort,
  descending: true,
  total: null as number | null,
  pages: new Map() as Pages<ChannelSummary>,
  generation: 0,
  error: null as UiError | null,
  selected: new Set<number>() as ReadonlySet<number>,
  anchor: null as number | null,
  active: 0,
  scrollTop: 0,
  bulk: null as { done: number; total: number } | null,
};

const requests = new PageRequests();

export const useChannelsStore = create<ChannelsState>((set, get) => {
  async function fetchPage(place: Pick<Args<'channels.list'>, 'offset' | 'limit' | 'after' | 'before'>) {
    const { filter, sort, descending } = get();
    return call('channels.list', { filter, sort, descending, ...place });
  }

  /**
   * Next to a page answered in this generation, a page starts from that page's edge row (the core
   * reads only the page, however deep); otherwise, as after a jump, from its offset.
   */
  function placeOf(page: number): Pick<Args<'channels.list'>, 'offset' | 'limit' | 'after' | 'before'> {
    const edge = (row: ChannelSummary) => {
      const { id, title, status, platform, category, lastSeen, createdAt } = row;
      return { id, title, status, platform, category, lastSeen, createdAt };
    };
    const previous = get().pages.get(page - 1);
    if (previous?.length === PAGE_SIZE && requests.answered(page - 1))
      return { offset: 0, limit: PAGE_SIZE, after: edge(previous.at(-1)!) };
    const next = get().pages.get(page + 1);
    if (next?.length && requests.answered(page + 1)) return { offset: 0, limit: PAGE_SIZE, before: edge(next[0]!) };
    return { offset: page * PAGE_SIZE, limit: PAGE_SIZE };
  }

  async function loadPage(page: number): Promise<void> {
    const generation = requests.current;
    try {
      const result = await fetchPage(placeOf(page));
      if (!requests.settle(generation, page, true)) return;
      set({ total: result.total, pages: withPage(get().pages, page, result.rows), error: null });
    } catch (e) {
      if (requests.settle(generation, page, false)) set({ error: toUiError(e) });
    }
  }

  /** The ids of rows start..end, fetching the pages not in the cache (for a shift-click across a long jump). */
  async function idsOf(start: number, end: number): Promise<number[] | null> {
    const generation = requests.current;
    const ids: number[] = [];
    for (let offset = start; offset <= end; offset += 500) {
      const cached = Array.from({ length: Math.min(500, end - offset + 1) }, (_, i) =>
        itemAt(get().pages, offset + i, PAGE_SIZE),
      );
      if (cached.every(Boolean)) {
        ids.push(...cached.map((r) => r!.id));
        continue;
      }
      set({ bulk: { done: offset - start, total: end - start + 1 } });
      const { rows } = await fetchPage({ offset, limit: Math.min(500, end - offset + 1) });
      if (generation !== requests.current) return null;
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }

  /** A new query starts from an empty cache; a refresh (soft) keeps the rows on screen until fresh ones arrive. */
  function restart(patch: Partial<ChannelsState>, soft = false) {
    requests.next();
    set({ ...patch, ...(soft ? {} : { pages: new Map() }), generation: get().generation + 1, error: null });
    // Page 0 always comes fresh: it carries the new total, which decides what else is fetched.
    if (requests.claim(0, false)) void loadPage(0);
  }

  return {
    ...initialChannelsState,
    ensureRange(start, end) {
      const { pages, total } = get();
      for (const page of pagesForRange(start, end, PAGE_SIZE, total)) {
        if (requests.claim(page, pages.has(page))) void loadPage(page);
      }
    },
    setFilter(patch) {
      const filter = { ...get().filter, ...patch };
      for (const key of Object.keys(filter) as Array<keyof ChannelFilter>) if (!filter[key]) delete filter[key];
      restart({ filter, active: 0, scrollTop: 0, anchor: null });
    },
    clearFilter() {
      restart({ filter: {}, active: 0, scrollTop: 0, anchor: null });
    },
    replaceFilter(filter) {
      restart({ filter, active: 0, scrollTop: 0, anchor: null });
    },
    setSort(sort) {
      const { sort: current, descending } = get();
      restart({
        sort,
        descending: sort === current ? !descending : !ASCENDING_FIRST.has(sort),
        active: 0,
        scrollTop: 0,
        anchor: null,
      });
    },
    refresh() {
      restart({}, true);
    },
    setActive(index) {
      set({ active: index });
    },
    async toggle(index, shift) {
      const { pages, selected, anchor } = get();
      const row = itemAt(pages, index, PAGE_SIZE);
      if (!row) return;
      const select = !selected.has(row.id);
      if (!shift || anchor === null || anchor === index) {
        set({ selected: toggled(selected, row.id), anchor: index, active: index });
        return;
      }
      const [from, to] = rangeBetween(anchor, index);
      try {
        const ids = await idsOf(from, to);
        if (ids) set({ selected: withRange(get().selected, ids, select), anchor: index, active: index });
      } catch (e) {
        set({ error: toUiError(e) });
      } finally {
        set({ bulk: null });
      }
    },
    clearSelection() {
      set({ selected: new Set(), anchor: null });
    },
    async setStatusOfSelected(status, note) {
      const ids = [...get().selected];
      let done = 0;
      set({ bulk: { done, total: ids.length }, error: null });
      try {
        for (const id of ids) {
          await call('channels.setStatus', { id, status, note: note || undefined });
          done += 1;
          set({ bulk: { done, total: ids.length } });
        }
      } catch (e) {
        set({ error: toUiError(e) });
      } finally {
        set({ bulk: null });
        restart({}, true);
      }
      return done;
    },
    rememberScroll(top) {
      set({ scrollTop: top });
    },
  };
});

registerReset(() => {
  requests.next();
  useChannelsStore.setState(initialChannelsState);
});
