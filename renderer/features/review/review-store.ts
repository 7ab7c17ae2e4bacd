import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { ApiError, call, grantForFile, newJobId, subscribeEvents } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { decidedFileName } from '../../../electron/common/package-names';
import { fileToBase64 } from '../evidence/base64';
import { missingForSigning } from '../cases/case-helpers';
import { type ItemReview, reviewItems } from './review-helpers';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../../electron/common/limits';

export type OpenedPackage = Result<'review.openPath'>;
export type Decision = 'approved' | 'returned';
export type DecideResult = Result<'review.decide'>;

interface DecisionState {
  phase: 'idle' | 'running' | 'done' | 'failed';
  decision: Decision | null;
  jobId: string | null;
  done: number;
  total: number;
  result: DecideResult | null;
  error: UiError | null;
}

interface ReviewState {
  phase: 'idle' | 'opening' | 'open' | 'failed';
  opening: string | null;
  jobId: string | null;
  pkg: OpenedPackage | null;
  error: UiError | null;
  /** every package this window has open in the core (the reviewed one, the countersigned result) */
  openIds: string[];
  signer: { complete: boolean; role: 'analyst' | 'supervisor' | 'unit'; name: string; fingerprint: string } | null;
  marks: Record<string, ItemReview>;
  decision: DecisionState;
  loadSigner(policyUnit: string | null): Promise<void>;
  openFile(file: File): Promise<void>;
  cancelOpen(): Promise<void>;
  mark(file: string, patch: Partial<ItemReview>): void;
  /** signs after the confirmation; withoutItemReview: approve with a written reason instead of marking every item */
  decide(decision: Decision, comment: string, withoutItemReview?: { reason: string } | null): Promise<void>;
  cancelDecide(): Promise<void>;
  /** shows the countersigned package that decide wrote, as a package under review */
  showResult(): void;
  /** reads the open packages' verdicts again from the core, e.g. after the trust roster changed */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

const idleDecision: DecisionState = {
  phase: 'idle',
  decision: null,
  jobId: null,
  done: 0,
  total: 0,
  result: null,
  error: null,
};

export const initialReviewState = {
  phase: 'idle' as ReviewState['phase'],
  opening: null as string | null,
  jobId: null as string | null,
  pkg: null as OpenedPackage | null,
  error: null as UiError | null,
  openIds: [] as string[],
  signer: null as ReviewState['signer'],
  marks: {} as Record<string, ItemReview>,
  decision: idleDecision,
};

async function closeInCore(ids: readonly string[]) {
  await Promise.all(ids.map((reviewId) => call('review.close', { reviewId }).catch(() => undefined)));
}

/** Desktop: the native save dialog; browser harness: none, so the core writes beside the vault. */
export async function chooseDestination(defaultName: string): Promise<string | undefined | null> {
  try {
    return (await call('host.chooseExportPath', { defaultName })).path;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAVAILABLE') return undefined;
    throw e;
  }
}

export const useReviewStore = create<ReviewState>((set, get) => ({
  ...initialReviewState,
  async loadSigner(policyUnit) {
    try {
      const identity = await call('identity.get', {});
      set({
        signer: {
          complete: missingForSigning(identity, policyUnit).length === 0,
          role: identity.role,
          name: identity.name,
          fingerprint: identity.fingerprint,
        },
      });
    } catch {
      set({ signer: null });
    }
  },
  async openFile(file) {
    if (get().phase === 'opening') return;
    const previous = get().openIds;
    const jobId = newJobId();
    set({ ...initialReviewState, signer: get().signer, phase: 'opening', opening: file.name, jobId });
    void closeInCore(previous);
    try {
      const path = await grantForFile(file);
      let pkg: OpenedPackage;
      if (path) pkg = await call('review.openPath', { path, jobId });
      else if (file.size > MAX_PACKAGE_UPLOAD_BYTES)
        throw new ApiError('INVALID_INPUT', 'Packages over 1 GiB must be opened in the desktop app.', {
          key: 'review.tooLarge',
        });
      else pkg = await call('review.openBytes', { name: file.name, dataBase64: await fileToBase64(file), jobId });
      if (get().jobId !== jobId) {
        void closeInCore([pkg.reviewId]);
        return;
      }
      set({ phase: 'open', pkg, openIds: [pkg.reviewId], opening: null });
    } catch (e) {
      if (get().jobId === jobId) set({ phase: 'failed', error: toUiError(e), opening: null });
    }
  },
  async cancelOpen() {
    const { jobId, phase } = get();
    if (jobId && phase === 'opening') await call('jobs.cancel', { jobId }).catch(() => undefined);
  },
  mark(file, patch) {
    const current = get().marks[file] ?? { verdict: null, comment: '' };
    set({ marks: { ...get().marks, [file]: { ...current, ...patch } } });
  },
  async decide(decision, comment, withoutItemReview) {
    const { pkg, marks } = get();
    if (!pkg || get().decision.phase === 'running') return;
    const reviewId = pkg.reviewId;
    set({ decision: { ...idleDecision, phase: 'running', decision } });
    try {
      const destination = await chooseDestination(decidedFileName(pkg.fileName, decision));
      if (destination === null) {
        set({ decision: idleDecision });
        return;
      }
      const jobId = newJobId();
      set({ decision: { ...get().decision, jobId } });
      const off = subscribeEvents((event) => {
        if (event.type === 'progress' && event.jobId === jobId && get().decision.jobId === jobId)
          set({ decision: { ...get().decision, done: event.done, total: event.total } });
      });
      try {
        const without =
          decision === 'approved' && withoutItemReview
            ? { withoutItemReview: { reason: withoutItemReview.reason.trim() } }
            : {};
        const result = await call('review.decide', {
          reviewId,
          decision,
          comment: comment.trim(),
          items: reviewItems(marks),
          ...without,
          jobId,
          ...(destination ? { destination } : {}),
        });
        if (get().pkg?.reviewId !== reviewId) {
          void closeInCore([result.verification.reviewId]);
          return;
        }
        set({
          decision: { ...get().decision, phase: 'done', result },
          openIds: [...get().openIds, result.verification.reviewId],
        });
      } finally {
        off();
      }
    } catch (e) {
      if (get().pkg?.reviewId === reviewId)
        set({ decision: { ...get().decision, phase: 'failed', error: toUiError(e) } });
    }
  },
  async cancelDecide() {
    const { jobId, phase } = get().decision;
    if (jobId && phase === 'running') await call('jobs.cancel', { jobId }).catch(() => undefined);
  },
  showResult() {
    const result = get().decision.result;
    if (!result) return;
    const keep = result.verification.reviewId;
    void closeInCore(get().openIds.filter((id) => id !== keep));
    set({ pkg: result.verification, openIds: [keep], marks: {}, decision: idleDecision });
  },
  async refresh() {
    const { pkg, decision } = get();
    const result = decision.result;
    const [current, verification] = await Promise.all([
      pkg ? call('review.get', { reviewId: pkg.reviewId }).catch(() => null) : null,
      result ? call('review.get', { reviewId: result.verification.reviewId }).catch(() => null) : null,
    ]);
    // Only if the same packages are still open: a package opened meanwhile keeps its own verdict.
    if (current && get().pkg?.reviewId === current.reviewId) set({ pkg: current });
    const latest = get().decision.result;
    if (verification && latest?.verification.reviewId === verification.reviewId)
      set({ decision: { ...get().decision, result: { ...latest, verification } } });
  },
  async close() {
    const ids = get().openIds;
    set({ ...initialReviewState, signer: get().signer });
    await closeInCore(ids);
  },
}));

registerReset(() => useReviewStore.setState(initialReviewState));
