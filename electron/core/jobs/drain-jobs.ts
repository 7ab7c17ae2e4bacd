import { sql } from '../db/sql';
import type { OcrEngine } from '../evidence/media/ocr';
import { isJejakError } from '../errors';
import { nextTurn } from '../in-turns';
import type { VaultSession } from '../vault/session';
import { finishJob, nextJob, queueStatus, type JobKind } from './job-queue';
import { runJob } from './run-job';

export interface JobProgress {
  done: number;
  failed: number;
  /** still pending, the job at hand included */
  pending: number;
  current: { kind: JobKind; evidenceId: number } | null;
}

export interface DrainOptions {
  ocr: OcrEngine;
  pdqDistance: number;
  /** aborted: stop after the job at hand (which stays pending, so the next run does it again) */
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

/**
 * Works through the background queue until it is empty, the signal aborts or the vault closes.
 * A job is marked done only with its result, in one transaction: a lock or a crash in between
 * leaves it pending, so the queue resumes where it stopped. Between jobs the event loop takes
 * its turn, so intake and the window are never held up by the queue.
 */
export async function drainJobs(session: VaultSession, opts: DrainOptions): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  const stopped = () => opts.signal?.aborted === true || !session.isOpen;
  for (let job = nextJob(session.db); job && !stopped(); job = stopped() ? undefined : nextJob(session.db)) {
    const pending = queueStatus(session.db).pending;
    opts.onProgress?.({ done, failed, pending, current: { kind: job.kind, evidenceId: job.evidenceId } });
    let error: string | undefined;
    let finish: (() => void) | undefined;
    try {
      finish = await runJob({ session, ocr: opts.ocr, pdqDistance: opts.pdqDistance }, job);
    } catch (e) {
      if (stopped()) break;
      error = isJejakError(e) || e instanceof Error ? e.message : String(e);
    }
    if (stopped()) break;
    const id = job.id;
    session.db.tx(() => {
      // gone with its item when the item was purged meanwhile
      if (!session.db.get(sql`SELECT 1 FROM background_jobs WHERE id = ${id}`)) return;
      finish?.();
      finishJob(session.db, id, error);
    });
    if (error === undefined) done++;
    else failed++;
    await nextTurn();
  }
  if (session.isOpen) opts.onProgress?.({ done, failed, pending: queueStatus(session.db).pending, current: null });
  return { done, failed };
}
