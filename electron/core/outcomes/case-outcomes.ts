import { isOpenStatus } from '../cases/case-status';
import { sql } from '../db/sql';
import type { VaultSession } from '../vault/session';
import { ensureNoticeRecord } from './notice-record';
import type { OutcomeStatus } from '../../common/outcome-statuses';
import { ANSWERABLE_CASE_STATUSES } from './outcome-types';
import { caseRef } from './settle-case';

export interface OutcomeEntry {
  id: number;
  source: 'response' | 'observation';
  status: OutcomeStatus;
  at: string;
  reason: string;
  ticket: string;
  responseId: number | null;
  evidenceId: number | null;
  note: string;
  recordedAt: string;
  recordedBy: string;
}

export interface ItemOutcome {
  itemId: string;
  kind: string;
  parentItemId: string | null;
  platform: string;
  category: string;
  canonicalUrl: string;
  title: string;
  username: string | null;
  channelId: number | null;
  /** the latest outcome, by when it happened */
  outcome: { status: OutcomeStatus; source: 'response' | 'observation'; at: string } | null;
  final: boolean;
  /** the first final outcome: how long the platform took from the notice, and how far from the deadline */
  action: { status: OutcomeStatus; at: string; secondsToAction: number; secondsBeforeDeadline: number } | null;
  /** past the deadline without a final outcome, while the case is open */
  overdue: boolean;
  history: OutcomeEntry[];
}

export interface ResponseRecord {
  id: number;
  responder: string;
  respondedAt: string;
  items: number;
  fileName: string;
  sha256: string;
  bytes: number;
  receivedAt: string;
  receivedBy: string;
}

export interface CaseOutcomes {
  caseId: number;
  reference: string;
  /** outcomes can be recorded now: the notice is approved and sent (or answered already) */
  answerable: boolean;
  noticeId: string | null;
  issuedAt: string | null;
  deadline: string | null;
  items: ItemOutcome[];
  responses: ResponseRecord[];
  counts: { items: number; final: number; open: number; overdue: number };
}

interface ItemRow {
  item_id: string;
  kind: string;
  parent_item_id: string | null;
  platform: string;
  category: string;
  canonical_url: string;
  title: string;
  username: string | null;
  channel_id: number | null;
  notice_id: string;
  issued_at: string;
  deadline: string;
  outcome: OutcomeStatus | null;
  outcome_source: 'response' | 'observation' | null;
  outcome_at: string | null;
  final: number;
  action: OutcomeStatus | null;
  acted_at: string | null;
}

const seconds = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);

/** Every item of the case's latest notice with its outcome, its history and whether it is overdue. */
export function caseOutcomes(session: VaultSession, caseId: number, now = new Date()): CaseOutcomes {
  const kase = caseRef(session, caseId);
  // A draft with an export is a returned case being revised: its next notice is not made yet.
  if (kase.status !== 'draft') ensureNoticeRecord(session, caseId);
  const rows = session.db.all<ItemRow>(sql`SELECT * FROM case_items WHERE case_id = ${caseId} ORDER BY position`);
  const history = new Map<string, OutcomeEntry[]>();
  for (const e of session.db.all<OutcomeEntry & { itemId: string }>(
    sql`SELECT id, item_id AS itemId, source, status, at, reason, ticket, response_id AS responseId, evidence_id AS evidenceId,
        note, recorded_at AS recordedAt, recorded_by AS recordedBy
      FROM item_outcomes WHERE case_id = ${caseId} ORDER BY at DESC, id DESC`,
  )) {
    const { itemId, ...entry } = e;
    history.set(itemId, [...(history.get(itemId) ?? []), entry]);
  }
  const open = isOpenStatus(kase.status);
  const items = rows.map((r): ItemOutcome => ({
    itemId: r.item_id,
    kind: r.kind,
    parentItemId: r.parent_item_id,
    platform: r.platform,
    category: r.category,
    canonicalUrl: r.canonical_url,
    title: r.title,
    username: r.username,
    channelId: r.channel_id,
    outcome:
      r.outcome && r.outcome_source && r.outcome_at
        ? { status: r.outcome, source: r.outcome_source, at: r.outcome_at }
        : null,
    final: r.final === 1,
    action:
      r.action && r.acted_at
        ? {
            status: r.action,
            at: r.acted_at,
            secondsToAction: seconds(r.issued_at, r.acted_at),
            secondsBeforeDeadline: seconds(r.acted_at, r.deadline),
          }
        : null,
    overdue: open && r.final !== 1 && Date.parse(r.deadline) < now.getTime(),
    history: history.get(r.item_id) ?? [],
  }));
  const responses = session.db.all<ResponseRecord>(
    sql`SELECT id, responder, responded_at AS respondedAt, items, file_name AS fileName, sha256, bytes,
        received_at AS receivedAt, received_by AS receivedBy
      FROM case_responses WHERE case_id = ${caseId} ORDER BY id DESC`,
  );
  const final = items.filter((i) => i.final).length;
  return {
    caseId,
    reference: kase.reference,
    answerable: (ANSWERABLE_CASE_STATUSES as readonly string[]).includes(kase.status),
    noticeId: rows[0]?.notice_id ?? null,
    issuedAt: rows[0]?.issued_at ?? null,
    deadline: rows[0]?.deadline ?? null,
    items,
    responses,
    counts: {
      items: items.length,
      final,
      open: items.length - final,
      overdue: items.filter((i) => i.overdue).length,
    },
  };
}
