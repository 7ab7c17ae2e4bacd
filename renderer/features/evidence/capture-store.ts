import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call, newJobId } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';

export type CaptureSource = Result<'host.captureSources'>['sources'][number] & { thumbnailUrl: string };

interface CaptureState {
  open: boolean;
  sources: CaptureSource[] | null;
  busy: boolean;
  error: UiError | null;
  captured: Result<'host.capture'> | null;
  start(): Promise<void>;
  capture(sourceId: string, meta: { sourceUrl?: string; notes?: string }): Promise<boolean>;
  close(): void;
}

/**
 * The picker's previews arrive as data: URLs, which the window's CSP does not load; they become
 * blob: URLs here (and are released on close).
 */
function toBlobUrl(dataUrl: string): string {
  const [head, body] = dataUrl.split(',', 2);
  const type = /data:([^;]+)/.exec(head ?? '')?.[1] ?? 'image/png';
  const bytes = Uint8Array.from(atob(body ?? ''), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type }));
}

export const initialCaptureState = { open: false, sources: null, busy: false, error: null, captured: null };

export const useCaptureStore = create<CaptureState>((set, get) => {
  const release = () => get().sources?.forEach((s) => URL.revokeObjectURL(s.thumbnailUrl));
  return {
    ...initialCaptureState,
    async start() {
      set({ open: true, sources: null, error: null, captured: null, busy: true });
      try {
        const { sources } = await call('host.captureSources', {});
        set({ sources: sources.map((s) => ({ ...s, thumbnailUrl: toBlobUrl(s.thumbnailDataUrl) })) });
      } catch (e) {
        set({ error: toUiError(e) });
      } finally {
        set({ busy: false });
      }
    },
    async capture(sourceId, meta) {
      set({ busy: true, error: null });
      try {
        const captured = await call('host.capture', {
          sourceId,
          jobId: newJobId(),
          sourceUrl: meta.sourceUrl || undefined,
          notes: meta.notes || undefined,
        });
        set({ captured });
        return true;
      } catch (e) {
        set({ error: toUiError(e) });
        return false;
      } finally {
        set({ busy: false });
      }
    },
    close() {
      release();
      set(initialCaptureState);
    },
  };
});

registerReset(() => useCaptureStore.getState().close());

/** Capture exists only in the desktop app; the browser harness has no screen to take. */
export function captureAvailable(): boolean {
  return typeof window !== 'undefined' && window.jejak !== undefined;
}
