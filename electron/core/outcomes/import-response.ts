import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { CaseStatus } from '../cases/case-status';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { noticeIdOf } from '../cases/notice-id';
import { storeOriginal } from '../vault/originals';
import type { VaultSession } from '../vault/session';
import { ensureNoticeRecord } from './notice-record';
import { type ResponseFile, parseResponse, requireKnownItems, tooLarge } from './response-file';
import { caseRef, requireAnswerable, settleCase } from './settle-case';
import { MAX_RESPONSE_FILE_BYTES } from '../../common/limits';

export interface ResponseImport {
  outcome: 'imported' | 'already-imported';
  caseId: number;
  reference: string;
  status: CaseStatus;
  responder: string;
  /** entries in the file */
  answered: number;
  /** outcomes added now (an entry already recorded from an earlier file is not added twice) */
  recorded: number;
  /** items of the notice, and those still without a final outcome */
  items: number;
  open: number;
}

export interface ImportOptions {
  /** the case the file was given to (dropped on); without it the response's noticeId names the case */
  caseId?: number;
  fileName: string;
  now?: Date;
}

/** The bytes of a response file on disk, refused before reading when larger than any response can be. */
export function readResponseFile(path: string): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
    if (size <= MAX_RESPONSE_FILE_BYTES) return readFileSync(path);
  } catch {
    throw new JejakError('UNREADABLE', `Cannot read ${basename(path)}.`).because('outcomes.error.unreadable', {
      name: basename(path),
    });
  }
  throw tooLarge(size);
}

/** The case the response answers: the one it was given to, which must have issued its notice, or the one that did. */
function answeredCase(session: VaultSession, response: ResponseFile, caseId: number | undefined): number {
  const issuer = session.db.get<{ id: number; reference: string }>(
    sql`SELECT id, reference FROM cases WHERE notice_id = ${response.noticeId}`,
  );
  if (caseId === undefined) {
    if (issuer) return issuer.id;
    throw new JejakError(
      'OTHER_NOTICE',
      `No case in this vault issued notice ${response.noticeId}; nothing was recorded.`,
    ).because('outcomes.error.unknownNotice', { noticeId: response.noticeId });
  }
  const own = noticeIdOf(session.db, caseId);
  if (own === response.noticeId) return caseId;
  const reference = caseRef(session, caseId).reference;
  throw new JejakError(
    'OTHER_NOTICE',
    `This response answers notice ${response.noticeId}${issuer ? ` (case ${issuer.reference})` : ''}, not the notice of ${reference} (${own}); nothing was recorded.`,
  ).because('outcomes.error.otherNotice', { noticeId: response.noticeId, reference });
}

const iso = (time: string) => new Date(time).toISOString();

/**
 * A platform's jejak-response/1 file taken into the case: checked whole before anything is kept
 * (format, notice, items), kept in the vault as an encrypted blob, each answer recorded as the
 * item's outcome, audited, and the case moved on as far as its outcomes allow (settleCase). The
 * same file again, or answers already recorded, change nothing.
 */
export async function importResponse(
  session: VaultSession,
  bytes: Uint8Array,
  opts: ImportOptions,
): Promise<ResponseImport> {
  const now = opts.now ?? new Date();
  const response = parseResponse(bytes, now);
  const caseId = answeredCase(session, response, opts.caseId);
  const kase = caseRef(session, caseId);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = (outcome: ResponseImport['outcome'], recorded: number): ResponseImport => {
    const progress = session.db.get<{ items: number; final: number }>(
      sql`SELECT count(*) AS items, coalesce(sum(final), 0) AS final FROM case_items WHERE case_id = ${caseId}`,
    )!;
    return {
      outcome,
      caseId,
      reference: kase.reference,
      status: caseRef(session, caseId).status,
      responder: response.responder.organisation,
      answered: response.items.length,
      recorded,
      items: progress.items,
      open: progress.items - progress.final,
    };
  };
  if (session.db.get(sql`SELECT 1 FROM case_responses WHERE case_id = ${caseId} AND sha256 = ${sha256}`))
    return result('already-imported', 0);
  requireAnswerable(kase);
  const exportId = ensureNoticeRecord(session, caseId)!;
  const known = session.db
    .all<{ item_id: string }>(sql`SELECT item_id FROM notice_items WHERE export_id = ${exportId}`)
    .map((r) => r.item_id);
  requireKnownItems(response, new Set(known), kase.reference);
  const fresh = response.items.filter(
    (item) =>
      !session.db.get(sql`SELECT 1 FROM item_outcomes WHERE case_id = ${caseId} AND item_id = ${item.itemId}
        AND source = 'response' AND status = ${item.status} AND at = ${iso(item.actedAt)}
        AND ticket = ${item.ticket ?? ''} AND reason = ${item.reason ?? ''}`),
  );
  if (fresh.length === 0) return result('already-imported', 0);

  const blob = await storeOriginal(session, Buffer.from(bytes));
  const at = now.toISOString();
  session.db.tx(() => {
    const responder = response.responder.organisation;
    const responseId = Number(
      session.db
        .run(sql`INSERT INTO case_responses (case_id, export_id, notice_id, responder, responded_at, items, file_name,
          sha256, blob_name, bytes, received_at, received_by)
        VALUES (${caseId}, ${exportId}, ${response.noticeId}, ${responder}, ${iso(response.respondedAt)}, ${response.items.length},
          ${opts.fileName}, ${sha256}, ${blob.name}, ${bytes.length}, ${at}, ${session.actor})`).lastInsertRowid,
    );
    for (const item of fresh) {
      session.db
        .run(sql`INSERT INTO item_outcomes (case_id, item_id, source, status, at, reason, ticket, response_id, recorded_at, recorded_by)
        VALUES (${caseId}, ${item.itemId}, 'response', ${item.status}, ${iso(item.actedAt)}, ${item.reason ?? ''}, ${item.ticket ?? ''},
          ${responseId}, ${at}, ${session.actor})`);
    }
    const statuses: Record<string, number> = {};
    for (const item of fresh) statuses[item.status] = (statuses[item.status] ?? 0) + 1;
    session.audit({
      action: 'case.response-imported',
      subject: { type: 'case', id: String(caseId) },
      details: {
        file: opts.fileName,
        sha256,
        noticeId: response.noticeId,
        responder,
        respondedAt: response.respondedAt,
        answered: response.items.length,
        recorded: fresh.length,
        statuses,
      },
    });
    settleCase(session, caseId, now, responder);
  });
  return result('imported', fresh.length);
}
