import type { Db } from '../db/database';
import { type SqlQuery, raw, sql } from '../db/sql';
import { JejakError } from '../errors';
import type { VaultSession } from '../vault/session';

/**
 * A mistake in the catalog is excluded with a reason, never deleted: the row, its blob and its
 * audit trail stay; lists, search, dashboard counts and the case pickers leave it out until it is
 * restored.
 */
export type ExcludableKind = 'channel' | 'evidence';

/** Which rows a list shows: the normal view hides excluded ones; "show excluded" lists only them. */
export type ExclusionView = 'hide' | 'only' | 'all';

export interface Exclusion {
  at: string;
  by: string;
  reason: string;
}

export interface ExclusionColumns {
  excluded_at: string | null;
  excluded_by: string | null;
  exclusion_reason: string | null;
}

const TABLE = { channel: 'channels', evidence: 'evidence' } as const;
const CASE_LINK = { channel: ['case_channels', 'channel_id'], evidence: ['case_evidence', 'evidence_id'] } as const;
const NAME = { channel: 'Channel', evidence: 'Evidence item' } as const;

export function exclusionOf(row: ExclusionColumns): Exclusion | null {
  return row.excluded_at ? { at: row.excluded_at, by: row.excluded_by ?? '', reason: row.exclusion_reason ?? '' } : null;
}

/** The WHERE term of a view, for a table aliased `alias`. */
export function exclusionTerm(alias: string, view: ExclusionView = 'hide'): SqlQuery {
  if (view === 'all') return sql`1`;
  return sql`${raw(alias)}.excluded_at ${raw(view === 'hide' ? 'IS NULL' : 'IS NOT NULL')}`;
}

/**
 * count(*) of the rows a view shows. Hiding counts everything (the query the indexes already
 * serve) minus the excluded rows (a partial index): reading each row's exclusion columns would
 * cost a table lookup per row, past an evidence row's thumbnail.
 */
export function countShown(db: Db, from: SqlQuery, where: SqlQuery, alias: string, view: ExclusionView = 'hide'): number {
  const count = (extra: SqlQuery) => db.get<{ n: number }>(sql`SELECT count(*) AS n ${from} WHERE ${where} AND ${extra}`)!.n;
  if (view !== 'hide') return count(exclusionTerm(alias, view));
  return count(sql`1`) - count(exclusionTerm(alias, 'only'));
}

/** References of the draft cases that hold the item (a draft is where an item can still be taken out). */
export function draftCasesHolding(db: Db, kind: ExcludableKind, id: number): string[] {
  const [table, column] = CASE_LINK[kind];
  return db
    .all<{ reference: string }>(sql`SELECT k.reference FROM ${raw(table)} l JOIN cases k ON k.id = l.case_id WHERE l.${raw(column)} = ${id} AND k.status = 'draft' ORDER BY k.id`)
    .map((r) => r.reference);
}

function current(db: Db, kind: ExcludableKind, id: number): ExclusionColumns & { sha256?: string } {
  const extra = kind === 'evidence' ? raw(', sha256') : raw('');
  const row = db.get<ExclusionColumns & { sha256?: string }>(sql`SELECT excluded_at, excluded_by, exclusion_reason${extra} FROM ${raw(TABLE[kind])} WHERE id = ${id}`);
  if (!row) throw new JejakError('NOT_FOUND', `No ${kind === 'channel' ? 'channel' : 'evidence item'} ${id}.`);
  return row;
}

export function excludeItem(session: VaultSession, kind: ExcludableKind, id: number, reason: string, now = new Date()): void {
  const why = reason.trim();
  if (!why) throw new JejakError('INVALID_INPUT', 'Say why it is excluded: the reason is kept with the item and in the audit log.');
  const row = current(session.db, kind, id);
  if (row.excluded_at) throw new JejakError('INVALID_INPUT', `${NAME[kind]} #${id} is already excluded (${row.exclusion_reason}).`);
  const drafts = draftCasesHolding(session.db, kind, id);
  if (drafts.length > 0) throw new JejakError('INVALID_INPUT', `${NAME[kind]} #${id} is in draft case ${drafts.join(', ')}; remove it from the case first.`);
  session.db.tx(() => {
    session.db.run(sql`UPDATE ${raw(TABLE[kind])} SET excluded_at = ${now.toISOString()}, excluded_by = ${session.actor}, exclusion_reason = ${why} WHERE id = ${id}`);
    session.audit({ action: `${kind}.excluded`, subject: { type: kind, id: String(id) }, details: { reason: why, ...(row.sha256 ? { sha256: row.sha256 } : {}) } });
  });
}

export function restoreItem(session: VaultSession, kind: ExcludableKind, id: number): void {
  const row = current(session.db, kind, id);
  if (!row.excluded_at) throw new JejakError('INVALID_INPUT', `${NAME[kind]} #${id} is not excluded.`);
  session.db.tx(() => {
    session.db.run(sql`UPDATE ${raw(TABLE[kind])} SET excluded_at = NULL, excluded_by = NULL, exclusion_reason = NULL WHERE id = ${id}`);
    session.audit({ action: `${kind}.restored`, subject: { type: kind, id: String(id) }, details: { excludedAt: row.excluded_at, reason: row.exclusion_reason } });
  });
}

/** Refuses excluded items where new work picks items (a case): restore them first. */
export function requireIncluded(db: Db, kind: ExcludableKind, id: number): void {
  const row = current(db, kind, id);
  if (row.excluded_at) throw new JejakError('INVALID_INPUT', `${NAME[kind]} #${id} is excluded (${row.exclusion_reason}); restore it before adding it to a case.`);
}
