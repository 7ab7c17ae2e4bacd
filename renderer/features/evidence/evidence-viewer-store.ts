import { create } from 'zustand';
import type { Args, Result } from '../../../electron/contract';
import { ApiError, call, evidenceDownloadUrl } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { itemAt } from '../../components/page-cache';
import { useVocabularyStore } from '../catalog/vocabulary-store';
import type { ReturnTo } from '../search/return-to';
import { EVIDENCE_PAGE, useEvidenceStore } from './evidence-store';

export type EvidenceDetail = Result<'evidence.get'>;
type EvidencePatch = Omit<Args<'evidence.update'>, 'id'>;

/** How much larger than "fit to the panel" the original is drawn. */
export const ZOOM_STEPS = [1, 1.5, 2, 3, 4] as const;

interface ViewerState {
  id: number | null;
  returnTo: ReturnTo | null;
  item: EvidenceDetail | null;
  loading: boolean;
  saving: boolean;
  error: UiError | null;
  zoom: number;
  /** where the last "export original" went: a path (desktop), 'download' (browser), or null */
  exported: string | null;
  open(id: number, returnTo?: ReturnTo): void;
  /** fetches the item again, keeping it on screen meanwhile (a change made elsewhere shows on return) */
  reload(): void;
  close(): ReturnTo | null;
  update(patch: EvidencePatch): Promise<boolean>;
  exclude(reason: string): Promise<boolean>;
  restore(): Promise<boolean>;
  /** removes the item for good (never-exported only); the viewer closes */
  purge(): Promise<Result<'evidence.purge'> | null>;
  setZoom(zoom: number): void;
  /** the item before (-1) or after (+1) this one in the gallery's current order and filter */
  step(delta: -1 | 1): Promise<void>;
  exportOriginal(): Promise<void>;
}

export const initialViewerState = {
  id: null as number | null,
  returnTo: null as ReturnTo | null,
  item: null as EvidenceDetail | null,
  loading: false,
  saving: false,
  error: null as UiError | null,
  zoom: 1,
  exported: null as string | null,
};

/** Where the item stands in the gallery (its current filter and order), when the gallery has it loaded. */
export function galleryPosition(id: number | null): { index: number; total: number } | null {
  const { pages, total } = useEvidenceStore.getState();
  if (id === null || total === null) return null;
  for (const [page, rows] of pages) {
    const at = rows.findIndex((r) => r.id === id);
    if (at >= 0) return { index: page * EVIDENCE_PAGE + at, total };
  }
  return null;
}

export const useEvidenceViewerStore = create<ViewerState>((set, get) => {
  async function save<T>(fn: (id: number) => Promise<T>, after: (result: T) => void): Promise<T | null> {
    const id = get().id;
    if (id === null) return null;
    set({ saving: true, error: null });
    try {
      const result = await fn(id);
      if (get().id === id) after(result);
      useEvidenceStore.getState().refresh();
      return result;
    } catch (e) {
      set({ error: toUiError(e) });
      return null;
    } finally {
      set({ saving: false });
    }
  }
  const show = (item: EvidenceDetail) => set({ item });

  return {
    ...initialViewerState,
    open(id, returnTo) {
      // Following a near-duplicate link (or previous/next) inside the viewer keeps the original way back.
      const keep = get().id !== null && returnTo === 'evidence' ? get().returnTo : null;
      // the viewer fetches the item when it appears (EvidenceViewer), and again each time it comes back
      set({ ...initialViewerState, id, returnTo: keep ?? returnTo ?? null, loading: true });
    },
    reload() {
      const id = get().id;
      if (id === null) return;
      call('evidence.get', { id })
        .then((item) => get().id === id && set({ item }))
        .catch((e: unknown) => get().id === id && set({ error: toUiError(e) }))
        .finally(() => get().id === id && set({ loading: false }));
    },
    close() {
      const { returnTo } = get();
      set(initialViewerState);
      return returnTo;
    },
    async update(patch) {
      const item = await save((id) => call('evidence.update', { id, ...patch }), show);
      if (item && patch.tags) void useVocabularyStore.getState().load(true);
      return item !== null;
    },
    async exclude(reason) {
      return (await save((id) => call('evidence.exclude', { id, reason }), show)) !== null;
    },
    async restore() {
      return (await save((id) => call('evidence.restore', { id }), show)) !== null;
    },
    purge() {
      return save(
        (id) => call('evidence.purge', { id }),
        (purged) => useEvidenceStore.setState({ purged }),
      );
    },
    setZoom(zoom) {
      set({ zoom: Math.min(Math.max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[ZOOM_STEPS.length - 1]!) });
    },
    async step(delta) {
      const position = galleryPosition(get().id);
      if (!position) return;
      const target = position.index + delta;
      if (target < 0 || target >= position.total) return;
      const gallery = useEvidenceStore.getState();
      try {
        const row =
          itemAt(gallery.pages, target, EVIDENCE_PAGE) ??
          (await call('evidence.list', { filter: gallery.filter, offset: target, limit: 1 })).rows[0];
        if (row) get().open(row.id, 'evidence');
      } catch (e) {
        set({ error: toUiError(e) });
      }
    },
    async exportOriginal() {
      const id = get().id;
      if (id === null) return;
      set({ exported: null, error: null });
      try {
        const { path } = await call('host.exportEvidence', { id });
        if (path && get().id === id) set({ exported: path });
      } catch (e) {
        // No desktop shell (the browser harness): the browser downloads the original from the vault.
        if (!(e instanceof ApiError && e.code === 'UNAVAILABLE')) return void set({ error: toUiError(e) });
        const link = document.createElement('a');
        link.href = evidenceDownloadUrl(id);
        link.download = get().item?.originalName ?? '';
        link.click();
        set({ exported: 'download' });
      }
    },
  };
});

registerReset(() => useEvidenceViewerStore.setState(initialViewerState));
