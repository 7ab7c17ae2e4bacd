import type { CaseStatus } from '../cases/case-status';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { utcOrNull } from '../notice/utc';
import type { VaultSession } from '../vault/session';
import { ensureNoticeRecord } from './notice-record';
import { OBSERVATION_STATUSES, type ObservationStatus } from '../../common/outcome-statuses';
import { CLOCK_SKEW_MS } from './outcome-types';
import { caseRef, requireAnswerable, settleCase } from './settle-case';

export interface ObservationInput {
  /** item ids of the case's latest notice (a unique first part of at least 8 characters will do) */
  itemIds?: readonly string[];
  /** every item of the case without a final outcome */
  allOpen?: boolean;
  status: string;
  /** when the analyst looked (ISO 8601 with a zone); now when not given */
  at?: string;
  /** a screenshot already taken in as evidence */
  evidenceId?: number;
  note?: string;
}

export interface ObservationResult {
  caseId: number;
  reference: string;
  status: CaseStatus;
  observed: ObservationStatus;
  itemIds: string[];
}

const NOTE_LIMIT = 2000;

function observedAt(at: string | undefined, now: Date): string {
  if (at === undefined) return now.toISOString();
  const utc = utcOrNull(at);
  if (utc === null)
    throw new JejakError(
      'INVALID_INPUT',
      `"${at}" is not a time with its zone (ISO 8601, e.g. 2026-11-28T10:15:00+07:00).`,
    ).because('outcomes.error.badTime', { value: at });
  if (Date.parse(utc) > now.getTime() + CLOCK_SKEW_MS)
    throw new JejakError('INVALID_INPUT', `${at} is later than now: record what was seen, when it was seen.`).because(
      'outcomes.error.futureTime',
      { value: at },
    );
  return utc;
}

/** The ids asked for, each an item of the notice (its full id, or a first part only one item has). */
function itemsNamed(known: readonly string[], asked: readonly string[], reference: string): string[] {
  const unknown: string[] = [];
  const found = asked.map((id) => {
    const matches = id.length >= 8 ? known.filter((k) => k === id || k.startsWith(id)) : [];
    if (matches.length !== 1) unknown.push(id);
    return matches[0]!;
  });
  if (unknown.length > 0)
    throw new JejakError(
      'UNKNOWN_ITEM',
      `The latest notice of ${reference} has no item ${unknown.join(', ')} (or more than one starts so).`,
      { unknown },
    ).because('outcomes.error.unknownItems', { count: unknown.length, reference, items: unknown.join(', ') });
  return [...new Set(found)];
}

/**
 * The analyst's own look at items where no answer came: still online, removed or reappeared, at a
 * time, with a screenshot already taken in as evidence when there is one. "All open" records the
 * same for every item without a final outcome in one step. Audited; the case moves on as far as
 * its outcomes allow (settleCase).
 */
export function recordObservation(
  session: VaultSession,
  caseId: number,
  input: ObservationInput,
  now = new Date(),
): ObservationResult {
  if (!(OBSERVATION_STATUSES as readonly string[]).includes(input.status))
    throw new JejakError(
      'INVALID_INPUT',
      `Unknown observation "${input.status}". Known: ${OBSERVATION_STATUSES.join(', ')}.`,
    ).because('outcomes.error.badStatus', { status: input.status });
  const status = input.status as ObservationStatus;
  const asked = input.itemIds ?? [];
  if (asked.length > 0 === (input.allOpen === true))
    throw new JejakError('INVALID_INPUT', 'Name the items observed, or all open items; not both, not neither.');
  const note = (input.note ?? '').trim();
  if (note.length > NOTE_LIMIT) throw new JejakError('INVALID_INPUT', `A note is at most ${NOTE_LIMIT} characters.`);
  const at = observedAt(input.at, now);
  const kase = caseRef(session, caseId);
  requireAnswerable(kase);
  const evidenceId = input.evidenceId ?? null;
  if (evidenceId !== null && !session.db.get(sql`SELECT 1 FROM evidence WHERE id = ${evidenceId}`))
    throw new JejakError('NOT_FOUND', `No evidence item ${evidenceId}.`).because('notFound.evidence', {
      id: evidenceId,
    });
  ensureNoticeRecord(session, caseId);
  const items = session.db.all<{ item_id: string; final: number }>(
    sql`SELECT item_id, final FROM case_items WHERE case_id = ${caseId} ORDER BY position`,
  );
  const itemIds = input.allOpen
    ? items.filter((i) => i.final !== 1).map((i) => i.item_id)
    : itemsNamed(
        items.map((i) => i.item_id),
        asked,
        kase.reference,
      );
  if (itemIds.length === 0)
    throw new JejakError(
      'INVALID_INPUT',
      `Every item of ${kase.reference} already has a final outcome; nothing is open.`,
    ).because('outcomes.error.noneOpen', { reference: kase.reference });
  const recordedAt = now.toISOString();
  const settled = session.db.tx(() => {
    for (const itemId of itemIds) {
      session.db
        .run(sql`INSERT INTO item_outcomes (case_id, item_id, source, status, at, evidence_id, note, recorded_at, recorded_by)
        VALUES (${caseId}, ${itemId}, 'observation', ${status}, ${at}, ${evidenceId}, ${note}, ${recordedAt}, ${session.actor})`);
    }
    session.audit({
      action: 'case.items-observed',
      subject: { type: 'case', id: String(caseId) },
      details: { status, at, itemIds, allOpen: input.allOpen === true, evidenceId, note },
    });
    return settleCase(session, caseId, now, null);
  });
  return { caseId, reference: kase.reference, status: settled, observed: status, itemIds };
}
