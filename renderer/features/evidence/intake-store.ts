import { create } from 'zustand';
import type { Args, Result } from '../../../electron/contract';
import { call, grantForFile, newJobId } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { useVocabularyStore } from '../catalog/vocabulary-store';
import { fileToBase64 } from './base64';
import { useEvidenceStore } from './evidence-store';
import type { WalkResult } from './folder-walk';
import { MAX_EVIDENCE_UPLOAD_BYTES, MiB } from '../../../electron/common/limits';

export type IntakeResult = Result<'evidence.intakeBytes'>;
export type IntakeSource = { label: string; file: File } | { label: string; path: string };
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

type SharedMeta = Pick<Args<'evidence.intakeBytes'>, 'sourceUrl' | 'capturedAt' | 'notes' | 'tags' | 'category'>;

/** The category shown and sent: the analyst's pick, else the one chosen last in this vault. */
export function intakeCategory(meta: IntakeMeta): string {
  return meta.category || useVocabularyStore.getState().vocabulary?.lastCategory || '';
}

/** A failure found here in the window, before the core was asked: a core code, and a reason key for the exact case. */
class LocalError extends Error {
  constructor(
    readonly ui: UiError,
    readonly field?: MetaError['field'],
  ) {
    super(ui.message);
  }
}

const refused = (message: string, key: string): UiError => ({ code: 'INVALID_INPUT', message, reason: { key } });

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

async function intakeOne(source: IntakeSource, jobId: string, meta: SharedMeta): Promise<IntakeResult> {
  const path = 'path' in source ? source.path : await grantForFile(source.file);
  if (path) return call('evidence.intakePath', { path, jobId, ...meta });
  const file = (source as { file: File }).file;
  if (file.size > MAX_EVIDENCE_UPLOAD_BYTES)
    throw new LocalError(
      refused(`${file.name} is over ${MAX_EVIDENCE_UPLOAD_BYTES / MiB} MiB.`, 'intake.tooLargeForUpload'),
    );
  const dataBase64 = await fileToBase64(file);
  return call('evidence.intakeBytes', {
    name: file.name.slice(0, 255) || 'evidence',
    dataBase64,
    lastModified: file.lastModified || undefined,
    jobId,
    ...meta,
  });
}

const uiErrorOf = (e: unknown): UiError => (e instanceof LocalError ? e.ui : toUiError(e));

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

  /** One file at a time, so progress is exact and a bad file never stops the others. */
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
    for (; index < sources.length; index++) {
      if (get().jobId !== jobId || get().cancelled) break;
      const source = sources[index]!;
      set({ current: source.label, done: index });
      let outcome: IntakeOutcome;
      try {
        const result = await intakeOne(source, jobId, meta);
        outcome = { label: source.label, status: result.duplicate ? 'duplicate' : 'added', result };
        refreshGallery(false);
      } catch (e) {
        const error = uiErrorOf(e);
        if (error.code === 'CANCELLED' || get().jobId !== jobId) break;
        outcome = { label: source.label, status: 'failed', error };
      }
      if (get().jobId !== jobId) return;
      set({ outcomes: [...get().outcomes, outcome], done: index + 1 });
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
