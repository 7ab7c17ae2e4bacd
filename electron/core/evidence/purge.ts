import { rmSync } from 'node:fs';
import { draftCasesHolding } from '../catalog/exclusion';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import type { VaultSession } from '../vault/session';
import { forgetPdq } from './pdq-index';

/**
 * The number of the next evidence item: past every item and every purged one, so an audit entry's
 * subject names one item forever (SQLite would give a purged last number out again).
 */
export const NEXT_EVIDENCE_ID = sql`(SELECT max(n) + 1 FROM (SELECT coalesce(max(id), 0) AS n FROM evidence UNION ALL SELECT coalesce(max(id), 0) FROM purged_evidence))`;

export interface PurgeResult {
  id: number;
  sha256: string;
  /** false when another row still uses the same stored original */
  blobRemoved: boolean;
}

/** References of the cases whose export carried the item. */
function exportedIn(session: VaultSession, id: number): string[] {
  return session.db
    .all<{ reference: string; revision: number }>(
      sql`SELECT DISTINCT k.reference, x.revision FROM exported_evidence x JOIN cases k ON k.id = x.case_id WHERE x.evidence_id = ${id} ORDER BY k.id, x.revision`,
    )
    .map((r) => `${r.reference.replace(/-r\d+$/, '')}${r.revision > 1 ? `-r${r.revision}` : ''}`);
}

/**
 * Removes an item taken in by mistake: its row, and its encrypted original when no other row uses
 * it. Anything that left in a package is evidence someone else holds and can never be purged
 * (exclude it instead). The audit entry keeps its hashes. The file goes after the rows commit, so
 * a crash in between leaves at worst an unreferenced blob, never a row without its file.
 */
export function purgeEvidence(session: VaultSession, id: number): PurgeResult {
  const row = session.db.get<{
    sha256: string;
    sha512: string;
    size: number;
    blob_name: string;
    original_name: string;
    media_type: string;
  }>(sql`SELECT sha256, sha512, size, blob_name, original_name, media_type FROM evidence WHERE id = ${id}`);
  if (!row) throw new JejakError('NOT_FOUND', `No evidence item ${id}.`);
  const exported = exportedIn(session, id);
  if (exported.length > 0) {
    throw new JejakError(
      'FORBIDDEN',
      `Evidence #${id} was exported in ${exported.join(', ')} and can never be purged; exclude it instead.`,
    );
  }
  const drafts = draftCasesHolding(session.db, 'evidence', id);
  if (drafts.length > 0)
    throw new JejakError(
      'INVALID_INPUT',
      `Evidence #${id} is in draft case ${drafts.join(', ')}; remove it from the case first.`,
    );
  const blobRemoved = session.db.tx(() => {
    session.db.run(sql`DELETE FROM evidence WHERE id = ${id}`);
    session.db.run(
      sql`INSERT INTO purged_evidence (id, sha256, purged_at, purged_by) VALUES (${id}, ${row.sha256}, ${new Date().toISOString()}, ${session.actor})`,
    );
    // A received decision package or response may hold the very same bytes (someone took it in as evidence).
    const shared =
      session.db.get(
        sql`SELECT 1 FROM evidence WHERE blob_name = ${row.blob_name} UNION ALL SELECT 1 FROM case_decisions WHERE blob_name = ${row.blob_name}
          UNION ALL SELECT 1 FROM case_responses WHERE blob_name = ${row.blob_name}`,
      ) !== undefined;
    if (!shared) session.db.run(sql`DELETE FROM blobs WHERE name = ${row.blob_name}`);
    session.audit({
      action: 'evidence.purged',
      subject: { type: 'evidence', id: String(id) },
      details: {
        sha256: row.sha256,
        sha512: row.sha512,
        size: row.size,
        mediaType: row.media_type,
        originalName: row.original_name,
        blobRemoved: !shared,
      },
    });
    return !shared;
  });
  forgetPdq(session, id);
  if (blobRemoved) rmSync(session.blobs.pathOf(row.blob_name), { force: true });
  return { id, sha256: row.sha256, blobRemoved };
}
