import { create } from 'zustand';
import type { Args, Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';

export type CaseSummary = Result<'cases.list'>['cases'][number];
export type CaseDetail = Result<'cases.get'>;
export type CasePresets = Result<'cases.presets'>;
export type NewCase = Args<'cases.create'>;
export type CaseStatus = CaseDetail['status'];
export type CasePatch = Omit<Args<'cases.update'>, 'id'>;
export type ChannelSummary = Result<'channels.get'>;
export type EvidenceSummary = Result<'evidence.get'>;

/** Items of a case shown on its page; cases.get gives only ids, so each is fetched (a few at a time). */
export const ITEMS_SHOWN = 100;
const PARALLEL = 6;

async function fetchAll<T>(ids: readonly number[], fetch: (id: number) => Promise<T>): Promise<Array<T | null>> {
  const out: Array<T | null> = new Array(ids.length).fill(null);
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const i = next++;
      out[i] = await fetch(ids[i]!).catch(() => null);
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, ids.length) }, worker));
  return out;
}

interface CasesState {
  cases: CaseSummary[] | null;
  overdue: number;
  loading: boolean;
  error: UiError | null;
  presets: CasePresets | null;
  openId: number | null;
  detail: CaseDetail | null;
  channels: Array<ChannelSummary | null>;
  evidence: Array<EvidenceSummary | null>;
  detailError: UiError | null;
  busy: boolean;
  actionError: UiError | null;
  load(): Promise<void>;
  loadPresets(): Promise<void>;
  open(id: number): void;
  close(): void;
  reloadDetail(): Promise<void>;
  create(input: NewCase): Promise<CaseDetail>;
  addItems(channelIds: number[], evidenceIds: number[]): Promise<boolean>;
  setStatus(status: CaseStatus, note: string): Promise<boolean>;
  update(patch: CasePatch): Promise<boolean>;
  removeItems(channelIds: number[], evidenceIds: number[]): Promise<boolean>;
  /** deletes the open draft and goes back to the list */
  deleteDraft(): Promise<boolean>;
}

export const initialCasesState = {
  cases: null as CaseSummary[] | null,
  overdue: 0,
  loading: false,
  error: null as UiError | null,
  presets: null as CasePresets | null,
  openId: null as number | null,
  detail: null as CaseDetail | null,
  channels: [] as Array<ChannelSummary | null>,
  evidence: [] as Array<EvidenceSummary | null>,
  detailError: null as UiError | null,
  busy: false,
  actionError: null as UiError | null,
};

export const useCasesStore = create<CasesState>((set, get) => {
  async function showDetail(detail: CaseDetail) {
    set({ detail });
    const [channels, evidence] = await Promise.all([
      fetchAll(detail.channelIds.slice(0, ITEMS_SHOWN), (id) => call('channels.get', { id })),
      fetchAll(detail.evidenceIds.slice(0, ITEMS_SHOWN), (id) => call('evidence.get', { id })),
    ]);
    if (get().openId === detail.id) set({ channels, evidence });
  }

  async function act(fn: () => Promise<CaseDetail>): Promise<boolean> {
    set({ busy: true, actionError: null });
    try {
      await showDetail(await fn());
      void get().load();
      return true;
    } catch (e) {
      set({ actionError: toUiError(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  }

  return {
    ...initialCasesState,
    async load() {
      set({ loading: true, error: null });
      try {
        const { cases, overdue } = await call('cases.list', {});
        set({ cases, overdue });
      } catch (e) {
        set({ error: toUiError(e) });
      } finally {
        set({ loading: false });
      }
    },
    async loadPresets() {
      if (get().presets) return;
      try {
        set({ presets: await call('cases.presets', {}) });
      } catch (e) {
        set({ error: toUiError(e) });
      }
    },
    open(id) {
      set({ openId: id, detail: null, channels: [], evidence: [], detailError: null, actionError: null });
      void get().reloadDetail();
    },
    close() {
      set({ openId: null, detail: null, channels: [], evidence: [], detailError: null, actionError: null });
      void get().load();
    },
    async reloadDetail() {
      const id = get().openId;
      if (id === null) return;
      try {
        const detail = await call('cases.get', { id });
        if (get().openId === id) await showDetail(detail);
      } catch (e) {
        if (get().openId === id) set({ detailError: toUiError(e) });
      }
    },
    /** Throws what the core refuses, for the dialog to show beside the form. */
    async create(input) {
      const detail = await call('cases.create', input);
      void get().load();
      return detail;
    },
    addItems(channelIds, evidenceIds) {
      const id = get().openId;
      if (id === null) return Promise.resolve(false);
      return act(() => call('cases.addItems', { id, channelIds, evidenceIds }));
    },
    setStatus(status, note) {
      const id = get().openId;
      if (id === null) return Promise.resolve(false);
      return act(() => call('cases.setStatus', { id, status, ...(note.trim() ? { note: note.trim() } : {}) }));
    },
    update(patch) {
      const id = get().openId;
      return id === null ? Promise.resolve(false) : act(() => call('cases.update', { id, ...patch }));
    },
    removeItems(channelIds, evidenceIds) {
      const id = get().openId;
      return id === null
        ? Promise.resolve(false)
        : act(() => call('cases.removeItems', { id, channelIds, evidenceIds }));
    },
    async deleteDraft() {
      const id = get().openId;
      if (id === null) return false;
      set({ busy: true, actionError: null });
      try {
        await call('cases.delete', { id });
        get().close();
        return true;
      } catch (e) {
        set({ actionError: toUiError(e) });
        return false;
      } finally {
        set({ busy: false });
      }
    },
  };
});

registerReset(() => useCasesStore.setState(initialCasesState));
