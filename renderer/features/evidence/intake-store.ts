import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call, newJobId } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { useVocabularyStore } from '../catalog/vocabulary-store';
import { useEvidenceStore } from './evidence-store';
import {
  type Answer,
  type IntakeResult,
  type IntakeSource,
  type SharedMeta,
  LocalError,
  intakeSome,
  nextCall,
  refused,
} from './intake-calls';
import type { WalkResult } from './folder-walk';

export type { IntakeResult, IntakeSource } from './intake-calls';
export type IntakeOutcome =
  | { label: string; status: 'added' | 'duplicate'; result: IntakeResult }
  | { label: string; status: 'failed'; error: UiError }
  | { label: string; status: 'skipped'; reason: 'hidden' | 'unreadable' };

export interface IntakeMeta {
  sourceUrl: string;
  notes: string;
  tags: string[];
  /** a datetime-local value: the analyst's own clock */
  capturedAt: string;
  /** for a source channel new to the catalog; empty means the vault's last choice */
  category: string;
}

type Phase = 'idle' | 'preparing' | 'running' | 'done';

/** What the source link points at, shown under the field while it is typed: its channel and post. */
export type SourcePreview = Result<'channels.parseLink'>;

/** Shared details refused before any file was read; `field` names the one at fault when the message needs it. */
export interface MetaError {
  error: UiError;
  field?: 'sourceUrl';
}

interface IntakeState {
  meta: IntakeMeta;
  metaError: MetaError | null;
  sourcePreview: SourcePreview | null;
  /** the last batch took shared details with it, which were then cleared */
  metaCleared: boolean;
  phase: Phase;
  jobId: string | null;
  total: number;
  done: number;
  current: string | null;
  cancelled: boolean;
  outcomes: IntakeOutcome[];
  /** files not reached because the intake was cancelled */
  notProcessed: number;
  setMeta(patch: Partial<IntakeMeta>): void;
  clearMeta(): void;
  takeFiles(files: File[]): Promise<void>;
  takeWalk(walk: Promise<WalkResult>): Promise<void>;
  takePaths(paths: string[]): Promise<void>;
  cancel(): Promise<void>;
  dismiss(): void;
}

const EMPTY_META: IntakeMeta = { sourceUrl: '', notes: '', tags: [], capturedAt: '', category: '' };

/** Whether any shared detail is set, i.e. the next files will carry something. */
export function hasMeta(meta: IntakeMeta): boolean {
  return Boolean(meta.sourceUrl.trim() || meta.notes.trim() || meta.capturedAt || meta.tags.length);
}

export const initialIntakeState = {
  meta: EMPTY_META,
  metaError: null as MetaError | null,
  sourcePreview: null as SourcePreview | null,
  metaCleared: false,
  phase: 'idle' as Phase,
  jobId: null as string | null,
  total: 0,
  done: 0,
  current: null as string | null,
  cancelled: false,
  outcomes: [] as IntakeOutcome[],
  notProcessed: 0,
};

/** The category shown and sent: the analyst's pick, else the one chosen last in this vault. */
export function intakeCategory(meta: IntakeMeta): string {
  return meta.category || useVocabularyStore.getState().vocabulary?.lastCategory || '';
}

/** The metadata every file of this intake gets, checked once before the first file is read. */
async function checkedMeta(meta: IntakeMeta): Promise<SharedMeta> {
  const out: SharedMeta = {};
  const sourceUrl = meta.sourceUrl.trim();
  if (sourceUrl) {
    const parsed = await call('channels.parseLink', { url: sourceUrl });
    if (!parsed.ok) throw new LocalError(refused(parsed.reason, `linkError.${parsed.code}`), 'sourceUrl');
    out.sourceUrl = sourceUrl;
    // A link to a channel not yet catalogued adds it: the analyst says what it is, never a silent default.
    const category = intakeCategory(meta);
    if (parsed.existingId === null && !category)
      throw new LocalError(refused(`Choose a category for the new channel ${sourceUrl}.`, 'intake.categoryNeeded'));
    if (category) out.category = category;
  }
  if (meta.capturedAt) {
    const when = new Date(meta.capturedAt);
    if (Number.isNaN(when.getTime()))
      throw new LocalError(refused(`${meta.capturedAt} is no valid capture time.`, 'intake.badCaptureTime'));
    out.capturedAt = when.toISOString();
  }
  if (meta.notes.trim()) out.notes = meta.notes.trim();
  if (meta.tags.length) out.tags = meta.tags;
  return out;
}

export const useIntakeStore = create<IntakeState>((set, get) => {
  let lastRefresh = 0;

  async function previewSource(url: string) {
    if (!url.trim()) return set({ sourcePreview: null });
    try {
      const parsed = await call('channels.parseLink', { url: url.trim() });
      // typing went on meanwhile: this answer is for an older text
      if (get().meta.sourceUrl === url) set({ sourcePreview: parsed });
    } catch {
      set({ sourcePreview: null });
    }
  }
  function refreshGallery(force: boolean) {
    if (!force && Date.now() - lastRefresh < 1500) return;
    lastRefresh = Date.now();
    useEvidenceStore.getState().refresh();
  }

  /**
   * Files on disk a call of up to PATHS_PER_CALL at a time (made durable together in the core), bytes
   * one file at a time; each file is answered on its own, so a bad file never stops the others.
   */
  async function run(sources: IntakeSource[], skipped: IntakeOutcome[]): Promise<void> {
    if (get().phase === 'running') return;
    let meta: SharedMeta;
    try {
      meta = await checkedMeta(get().meta);
    } catch (e) {
      set({
        metaError: e instanceof LocalError ? { error: e.ui, field: e.field } : { error: toUiError(e) },
        phase: 'idle',
      });
      return;
    }
    const jobId = newJobId();
    const carried = hasMeta(get().meta);
    set({
      phase: 'running',
      jobId,
      total: sources.length,
      done: 0,
      current: null,
      cancelled: false,
      outcomes: [...skipped],
      notProcessed: 0,
      metaError: null,
      metaCleared: false,
    });
    let index = 0;
    sending: while (index < sources.length) {
      if (get().jobId !== jobId || get().cancelled) break;
      set({ current: sources[index]!.label, done: index });
      let answers: Answer[];
      try {
        answers = await intakeSome(await nextCall(sources, index), jobId, meta);
      } catch {
        break; // cancelled
      }
      if (get().jobId !== jobId) return;
      const outcomes: IntakeOutcome[] = [];
      for (const answer of answers) {
        const label = sources[index]!.label;
        if (!answer.ok && answer.error.code === 'CANCELLED') {
          set({ outcomes: [...get().outcomes, ...outcomes], done: index });
          break sending;
        }
        outcomes.push(
          answer.ok
            ? { label, status: answer.result.duplicate ? 'duplicate' : 'added', result: answer.result }
            : { label, status: 'failed', error: answer.error },
        );
        index++;
      }
      set({ outcomes: [...get().outcomes, ...outcomes], done: index });
      if (outcomes.some((o) => o.status !== 'failed')) refreshGallery(false);
    }
    if (get().jobId !== jobId) return;
    // Shared details belong to one batch: the next files must not take this batch's source or notes by mistake.
    set({
      phase: 'done',
      current: null,
      jobId: null,
      notProcessed: sources.length - get().done,
      meta: EMPTY_META,
      sourcePreview: null,
      metaCleared: carried,
    });
    refreshGallery(true);
    if (meta.tags || meta.sourceUrl) void useVocabularyStore.getState().load(true);
  }

  return {
    ...initialIntakeState,
    setMeta(patch) {
      set({ meta: { ...get().meta, ...patch }, metaError: null, metaCleared: false });
      if (patch.sourceUrl !== undefined) void previewSource(patch.sourceUrl);
    },
    clearMeta() {
      set({ meta: EMPTY_META, sourcePreview: null, metaError: null });
    },
    takeFiles(files) {
      return run(
        files.map((file) => ({ label: file.name, file })),
        [],
      );
    },
    async takeWalk(walk) {
      if (get().phase === 'running') return;
      set({ phase: 'preparing', outcomes: [], metaError: null });
      const { files, skipped } = await walk;
      await run(
        files.map(({ file, path }) => ({ label: path, file })),
        skipped.map((s) => ({ label: s.path, status: 'skipped', reason: s.reason })),
      );
    },
    async takePaths(paths) {
      if (get().phase === 'running') return;
      set({ phase: 'preparing', outcomes: [], metaError: null });
      try {
        const { files } = await call('evidence.expandPaths', { paths });
        await run(files, []);
      } catch (e) {
        set({ phase: 'idle', metaError: { error: toUiError(e) } });
      }
    },
    async cancel() {
      const { jobId } = get();
      if (!jobId) return;
      set({ cancelled: true });
      await call('jobs.cancel', { jobId }).catch(() => undefined);
    },
    dismiss() {
      if (get().phase !== 'running' && get().phase !== 'preparing')
        set({ phase: 'idle', outcomes: [], notProcessed: 0, total: 0, done: 0 });
    },
  };
});

registerReset(() => useIntakeStore.setState(initialIntakeState));
