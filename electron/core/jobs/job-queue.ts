import type { Db } from '../db/database';
import { sql } from '../db/sql';

/** What a background job does for one evidence item (see 0009-seen). */
export type JobKind = 'ocr' | 'hashes';

export interface QueuedJob {
  id: number;
  kind: JobKind;
  evidenceId: number;
}

export interface QueueStatus {
  pending: number;
  failed: number;
  done: number;
  /** pending jobs per kind */
  byKind: Record<JobKind, number>;
}

/** Queues the slow work for an item just recorded; the same work twice is one job. */
export function enqueueJobs(db: Db, evidenceId: number, kinds: readonly JobKind[]): void {
  const now = new Date().toISOString();
  for (const kind of kinds)
    db.run(
      sql`INSERT INTO background_jobs (kind, evidence_id, queued_at) VALUES (${kind}, ${evidenceId}, ${now}) ON CONFLICT DO NOTHING`,
    );
}

/** The oldest pending job after `afterId` (a failed run moves on rather than retrying the same one). */
export function nextJob(db: Db, afterId = 0): QueuedJob | undefined {
  const row = db.get<{ id: number; kind: JobKind; evidence_id: number }>(
    sql`SELECT id, kind, evidence_id FROM background_jobs WHERE state = 'pending' AND id > ${afterId} ORDER BY id LIMIT 1`,
  );
  return row && { id: row.id, kind: row.kind, evidenceId: row.evidence_id };
}

export function finishJob(db: Db, id: number, error?: string): void {
  const state = error === undefined ? 'done' : 'failed';
  db.run(
    sql`UPDATE background_jobs SET state = ${state}, error = ${error ?? null}, finished_at = ${new Date().toISOString()} WHERE id = ${id}`,
  );
}

export function queueStatus(db: Db): QueueStatus {
  const rows = db.all<{ kind: JobKind; state: string; n: number }>(
    sql`SELECT kind, state, count(*) AS n FROM background_jobs GROUP BY kind, state`,
  );
  const status: QueueStatus = { pending: 0, failed: 0, done: 0, byKind: { ocr: 0, hashes: 0 } };
  for (const r of rows) {
    if (r.state === 'pending') {
      status.pending += r.n;
      status.byKind[r.kind] += r.n;
    } else if (r.state === 'failed') status.failed += r.n;
    else status.done += r.n;
  }
  return status;
}
