import { type CaseStatus, setCaseStatus } from '../cases/case-status';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import type { VaultSession } from '../vault/session';
import { ANSWERABLE_CASE_STATUSES } from './outcome-types';

/** The steps from an approved case to `to`, in the status machine's order. */
const PATH: readonly CaseStatus[] = ['approved', 'submitted', 'acknowledged'];

export interface CaseRef {
  id: number;
  reference: string;
  status: CaseStatus;
}

export function caseRef(session: VaultSession, caseId: number): CaseRef {
  const row = session.db.get<CaseRef>(sql`SELECT id, reference, status FROM cases WHERE id = ${caseId}`);
  if (!row) throw new JejakError('NOT_FOUND', `No case ${caseId}.`);
  return row;
}

/** Outcomes are for a notice that went out: an approved case or one further on. */
export function requireAnswerable(kase: CaseRef): void {
  if ((ANSWERABLE_CASE_STATUSES as readonly string[]).includes(kase.status)) return;
  throw new JejakError(
    'ILLEGAL_STEP',
    `Case ${kase.reference} is ${kase.status}: outcomes are recorded once its notice is approved and sent.`,
    { current: kase.status },
  ).because('outcomes.error.notSent', { reference: kase.reference, status: kase.status });
}

function walk(session: VaultSession, kase: CaseRef, to: CaseStatus, note: string, now: Date): void {
  const from = PATH.indexOf(kase.status);
  if (from === -1) return;
  const target = PATH.indexOf(to);
  const steps = target === -1 ? [...PATH.slice(from + 1), to] : PATH.slice(from + 1, target + 1);
  for (const status of steps) setCaseStatus(session, kase.id, status, note, now);
}

/**
 * Moves the case as far as its outcomes allow, only through the status machine's own steps (each
 * recorded and audited by setCaseStatus): a platform's response acknowledges the notice (an
 * approved case was evidently submitted); when every item has a final outcome the case is
 * actioned, or rejected when the platform acted on none of them. Call inside the transaction
 * that recorded the outcomes.
 */
export function settleCase(session: VaultSession, caseId: number, now: Date, responder: string | null): CaseStatus {
  const kase = caseRef(session, caseId);
  if (responder !== null) walk(session, kase, 'acknowledged', `response from ${responder}`, now);
  const progress = session.db.get<{ items: number; final: number; refused: number }>(
    sql`SELECT count(*) AS items, coalesce(sum(final), 0) AS final, coalesce(sum(outcome = 'not-actioned'), 0) AS refused
      FROM case_items WHERE case_id = ${caseId}`,
  )!;
  if (progress.items > 0 && progress.final === progress.items) {
    const to = progress.refused === progress.items ? 'rejected' : 'actioned';
    walk(session, caseRef(session, caseId), to, `every item has a final outcome (${progress.items})`, now);
  }
  return caseRef(session, caseId).status;
}
