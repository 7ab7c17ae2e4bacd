// How the window sends files to the core: files on disk by their grants, a batch per call; bytes one file per call.
import type { Args, Result } from '../../../electron/contract';
import { MAX_EVIDENCE_UPLOAD_BYTES, MiB } from '../../../electron/common/limits';
import { call, grantForFile } from '../../api';
import { type UiError, toUiError } from '../../components/errors';
import { fileToBase64 } from './base64';

export type IntakeResult = Result<'evidence.intakeBytes'>;
export type IntakeSource = { label: string; file: File } | { label: string; path: string };

export type SharedMeta = Pick<Args<'evidence.intakeBytes'>, 'sourceUrl' | 'capturedAt' | 'notes' | 'tags' | 'category'>;

/** A failure found here in the window, before the core was asked: a core code, and a reason key for the exact case. */
export class LocalError extends Error {
  constructor(
    readonly ui: UiError,
    readonly field?: 'sourceUrl',
  ) {
    super(ui.message);
  }
}

export const refused = (message: string, key: string): UiError => ({ code: 'INVALID_INPUT', message, reason: { key } });

export const uiErrorOf = (e: unknown): UiError => (e instanceof LocalError ? e.ui : toUiError(e));

/** Files on disk go to the core this many at a time: its batches make them durable together, and progress moves per call. */
const PATHS_PER_CALL = 32;

export type Answer = { ok: true; result: IntakeResult } | { ok: false; error: UiError };

/** The next sources to send as one call: up to PATHS_PER_CALL files on disk by their grants, or one file's bytes. */
export async function nextCall(sources: IntakeSource[], from: number): Promise<{ paths: string[] } | { file: File }> {
  const paths: string[] = [];
  for (let i = from; i < sources.length && paths.length < PATHS_PER_CALL; i++) {
    const source = sources[i]!;
    const path = 'path' in source ? source.path : await grantForFile(source.file);
    if (path) paths.push(path);
    // A file with no path (the browser harness, a pasted image) goes as bytes, on its own.
    else if (paths.length === 0) return { file: (source as { file: File }).file };
    else break;
  }
  return { paths };
}

async function intakeUpload(file: File, jobId: string, meta: SharedMeta): Promise<IntakeResult> {
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

/** A call's answers, one per file it took, in order; only a cancelled intake throws. */
export async function intakeSome(
  sending: { paths: string[] } | { file: File },
  jobId: string,
  meta: SharedMeta,
): Promise<Answer[]> {
  const one = async (take: () => Promise<Answer[]>): Promise<Answer[]> => {
    try {
      return await take();
    } catch (e) {
      const error = uiErrorOf(e);
      if (error.code === 'CANCELLED') throw e;
      return [{ ok: false, error }];
    }
  };
  if ('file' in sending) return one(async () => [{ ok: true, result: await intakeUpload(sending.file, jobId, meta) }]);
  const paths = async (group: string[]): Promise<Answer[]> => {
    const { items } = await call('evidence.intakePaths', { paths: group, jobId, ...meta });
    // a file's error is a core error payload, its code one of the core's
    return items.map((item) => (item.ok ? item : { ok: false, error: item.error as UiError }));
  };
  try {
    return await paths(sending.paths);
  } catch (e) {
    if (uiErrorOf(e).code === 'CANCELLED' || sending.paths.length === 1) return one(() => Promise.reject(e));
    // Refused as a whole (a grant the core does not know): each file alone, so each gets its own answer.
    const answers: Answer[] = [];
    for (const path of sending.paths) answers.push(...(await one(() => paths([path]))));
    return answers;
  }
}
