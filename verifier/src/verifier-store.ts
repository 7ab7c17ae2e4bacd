import { create } from 'zustand';
import type { ErrorPayload } from '../../electron/common/error-codes';
import { JejakError, toErrorPayload } from '../../electron/core/errors';
import { type TrustFile, trustFromText } from '../../electron/core/packages/roster';
import { rejudge, type VerifyResult } from '../../electron/core/packages/verify-source';
import { type PackageInput, verifyInput } from './verify-input';

export type PageError = ErrorPayload;

interface VerifierState {
  phase: 'idle' | 'verifying' | 'done' | 'failed';
  /** the package's file or folder name */
  name: string;
  input: PackageInput | null;
  progress: { done: number; total: number };
  result: VerifyResult | null;
  error: PageError | null;
  /** the roster file given: its signers, and the TSA roots it names (time-stamps are trusted against those) */
  roster: ({ file: string } & TrustFile) | null;
  rosterError: PageError | null;
  open(input: PackageInput, name: string): Promise<void>;
  cancel(): void;
  loadRoster(file: File): Promise<void>;
  clearRoster(): void;
  /** back to the start, keeping the roster */
  reset(): void;
}

/** A failure of the core's verify path as itself (its code and reason); anything else is INTERNAL. */
const toError = (e: unknown): PageError =>
  e instanceof JejakError
    ? toErrorPayload(e)
    : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };

let running: AbortController | null = null;
/** progress is drawn at most this often: a 2 GiB package reports every MiB */
const PROGRESS_MS = 100;

export const useVerifier = create<VerifierState>((set) => ({
  phase: 'idle',
  name: '',
  input: null,
  progress: { done: 0, total: 0 },
  result: null,
  error: null,
  roster: null,
  rosterError: null,

  async open(input, name) {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    set({ phase: 'verifying', name, input, progress: { done: 0, total: 0 }, result: null, error: null });
    let drawn = 0;
    try {
      const result = await verifyInput(input, {
        signal: controller.signal,
        onProgress: (p) => {
          if (performance.now() - drawn < PROGRESS_MS) return;
          drawn = performance.now();
          set({ progress: { done: p.bytesDone, total: p.bytesTotal ?? 0 } });
        },
      });
      // Judged against the roster of the moment, which may have changed while the package was read.
      const judged = await judgedNow(result);
      if (running === controller) set({ phase: 'done', result: judged });
    } catch (e) {
      if (running === controller) set({ phase: 'failed', error: toError(e) });
    }
  },

  cancel() {
    running?.abort();
  },

  async loadRoster(file) {
    try {
      // The text as the CLI reads it: a byte-order mark is kept, and refused by JSON.parse there too.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());
      set({ roster: { file: file.name, ...trustFromText(() => text, file.name) }, rosterError: null });
    } catch (e) {
      set({ roster: null, rosterError: toError(e) });
    }
    await judgeAgain();
  },

  clearRoster() {
    set({ roster: null, rosterError: null });
    void judgeAgain();
  },

  reset() {
    running?.abort();
    running = null;
    set({ phase: 'idle', name: '', input: null, result: null, error: null, progress: { done: 0, total: 0 } });
  },
}));

/** `result` judged against the roster as it stands (its signers and TSA roots), again if it changed meanwhile. */
async function judgedNow(result: VerifyResult): Promise<VerifyResult> {
  for (;;) {
    const roster = useVerifier.getState().roster;
    const judged = await rejudge(result, { roster: roster?.entries ?? [], tsaRoots: roster?.tsaRoots ?? [] });
    if (useVerifier.getState().roster === roster) return judged;
  }
}

/** A roster given or taken away after the verdict judges the package again, without reading it again. */
async function judgeAgain(): Promise<void> {
  const result = useVerifier.getState().result;
  if (!result) return;
  const judged = await judgedNow(result);
  if (useVerifier.getState().result === result) useVerifier.setState({ result: judged });
}
