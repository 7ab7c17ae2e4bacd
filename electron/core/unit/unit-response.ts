import { createHash } from 'node:crypto';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { type ResponseFile, parseResponse, requireKnownItems } from '../outcomes/response-file';
import { storeOriginal } from '../vault/originals';
import type { VaultSession } from '../vault/session';
import { requireUnitVault } from './import-package';

export interface UnitResponseImport {
  outcome: 'imported' | 'already-imported';
  /** the case reference of the latest package of the notice */
  reference: string;
  responder: string;
  /** entries in the file, and outcomes added now (an answer already recorded is not added twice) */
  answered: number;
  recorded: number;
  /** items of the notice, and those still without an answer */
  items: number;
  open: number;
}

/** The latest package the unit holds of the notice the response answers. */
function answeredPackage(session: VaultSession, response: ResponseFile): { id: number; reference: string } {
  const pkg = session.db.get<{ id: number; reference: string }>(
    sql`SELECT id, reference FROM unit_packages WHERE notice_id = ${response.noticeId} ORDER BY exported_at DESC, id DESC LIMIT 1`,
  );
  if (pkg) return pkg;
  throw new JejakError(
    'OTHER_NOTICE',
    `No package in this unit catalog carries notice ${response.noticeId}; nothing was recorded.`,
  ).because('outcomes.error.unknownNotice', { noticeId: response.noticeId });
}

const iso = (time: string) => new Date(time).toISOString();

/**
 * A platform's jejak-response/1 file taken into the unit catalog, by the notice id it quotes (the
 * same in the analyst's vault and in every package of the case): checked whole before anything is
 * kept, kept as an encrypted blob, each answer recorded for the unit's transparency report, and
 * audited. The same file again, or answers already recorded, change nothing.
 */
export async function importUnitResponse(
  session: VaultSession,
  bytes: Uint8Array,
  opts: { fileName: string; now?: Date },
): Promise<UnitResponseImport> {
  requireUnitVault(session);
  const now = opts.now ?? new Date();
  const response = parseResponse(bytes, now);
  const pkg = answeredPackage(session, response);
  const known = session.db
    .all<{ item_id: string }>(sql`SELECT item_id FROM unit_items WHERE package_id = ${pkg.id}`)
    .map((r) => r.item_id);
  requireKnownItems(response, new Set(known), pkg.reference);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const answered = (item: ResponseFile['items'][number]) =>
    session.db.get(sql`SELECT 1 FROM unit_outcomes WHERE notice_id = ${response.noticeId} AND item_id = ${item.itemId}
      AND status = ${item.status} AND at = ${iso(item.actedAt)} AND ticket = ${item.ticket ?? ''} AND reason = ${item.reason ?? ''}`);
  const fresh = session.db.get(sql`SELECT 1 FROM unit_responses WHERE sha256 = ${sha256}`)
    ? []
    : response.items.filter((item) => !answered(item));
  if (fresh.length > 0) {
    const blob = await storeOriginal(session, Buffer.from(bytes));
    session.db.tx(() => {
      const responseId = session.db
        .run(sql`INSERT INTO unit_responses (notice_id, responder, responded_at, items, file_name, sha256,
          blob_name, bytes, received_at, received_by)
        VALUES (${response.noticeId}, ${response.responder.organisation}, ${iso(response.respondedAt)}, ${response.items.length},
          ${opts.fileName}, ${sha256}, ${blob.name}, ${bytes.length}, ${now.toISOString()}, ${session.actor})`).lastInsertRowid;
      for (const item of fresh)
        session.db.run(sql`INSERT INTO unit_outcomes (notice_id, item_id, status, at, reason, ticket, response_id)
          VALUES (${response.noticeId}, ${item.itemId}, ${item.status}, ${iso(item.actedAt)}, ${item.reason ?? ''}, ${item.ticket ?? ''}, ${responseId})`);
      session.audit({
        action: 'unit.response-imported',
        subject: { type: 'unit-package', id: String(pkg.id) },
        details: {
          file: opts.fileName,
          sha256,
          noticeId: response.noticeId,
          responder: response.responder.organisation,
          answered: response.items.length,
          recorded: fresh.length,
        },
      });
    });
  }
  const progress = session.db.get<{ items: number; answered: number }>(
    sql`SELECT count(*) AS items, count(action) AS answered FROM unit_report_items WHERE package_id = ${pkg.id}`,
  )!;
  return {
    outcome: fresh.length > 0 ? 'imported' : 'already-imported',
    reference: pkg.reference,
    responder: response.responder.organisation,
    answered: response.items.length,
    recorded: fresh.length,
    items: progress.items,
    open: progress.items - progress.answered,
  };
}
