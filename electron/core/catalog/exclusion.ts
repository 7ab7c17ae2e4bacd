import { keptCount } from '../db/count-cache';
import type { Db } from '../db/database';
import { type SqlQuery, join, raw, sql } from '../db/sql';
import { JejakError } from '../errors';
import type { VaultSession } from '../vault/session';

/**
 * A mistake in the catalog is excluded with a reason, never deleted: the row, its blob and its
 * audit trail stay; lists, search, dashboard counts and the case pickers leave it out until it is
 * restored. The exclusion is a row of channel_exclusions / evidence_exclusions (see 0004-workflow).
 */
export type ExcludableKind = 'channel' | 'evidence';

/** Which rows a list shows: the normal view hides excluded ones; "show excluded" lists only them. */
export type ExclusionView = 'hide' | 'only' | 'all';

export interface Exclusion {
  at: string;
  by: string;
  reason: string;
}

/** The exclusion's columns as a list query joins them in (null when the item is not excluded). */
export interface ExclusionColumns {
  excluded_at: string | null;
  excluded_by: string | null;
  exclusion_reason: string | null;
}

const TABLE = { channel: 'channels', evidence: 'evidence' } as const;
const EXCLUSIONS = {
  channel: ['channel_exclusions', 'channel_id'],
  evidence: ['evidence_exclusions', 'evidence_id'],
} as const;
const CASE_LINK = { channel: ['case_channels', 'channel_id'], evidence: ['case_evidence', 'evidence_id'] } as const;
const NAME = { channel: 'Channel', evidence: 'Evidence item' } as const;

export function exclusionOf(row: ExclusionColumns): Exclusion | null {
  return row.excluded_at
    ? { at: row.excluded_at, by: row.excluded_by ?? '', reason: row.exclusion_reason ?? '' }
    : null;
}

/** The exclusion's columns and the `LEFT JOIN` that brings them, for a table aliased `alias`. */
export function exclusionJoin(kind: ExcludableKind, alias: string): { columns: SqlQuery; join: SqlQuery } {
  const [table, column] = EXCLUSIONS[kind];
  const x = `${alias}x`;
  return {
    columns: sql`${raw(`${x}.excluded_at, ${x}.excluded_by, ${x}.exclusion_reason`)}`,
    join: sql`LEFT JOIN ${raw(table)} ${raw(x)} ON ${raw(x)}.${raw(column)} = ${raw(alias)}.id`,
  };
}

/**
 * The WHERE term of a view for a table aliased `alias`: the row's `excluded` flag, which triggers
 * keep equal to its exclusion row (0010-page-indexes). The flag leads every list index, so a list
 * walks only the shown rows' entries and never checks an id against the excluded ones.
 */
export function exclusionTerm(kind: ExcludableKind, alias: string, view: ExclusionView = 'hide'): SqlQuery {
  if (view === 'all') return sql`1`;
  return sql`${raw(alias)}.excluded = ${raw(view === 'hide' ? '0' : '1')}`;
}

/**
 * count(*) of the rows of `from` (the table aliased `alias`) matching `where` that a view shows,
 * counted in an index that leads with the flag. With no filter at all, all rows (counted from the
 * table's pages, no row read) minus the few rows of the exclusion table. Kept until the database
 * changes (count-cache.ts): every page of a list asks for the same total.
 */
export function countShown(
  db: Db,
  kind: ExcludableKind,
  alias: string,
  from: SqlQuery,
  where: SqlQuery,
  view: ExclusionView = 'hide',
): number {
  const count = (term: SqlQuery | null) => {
    const terms = [where, term].filter((t): t is SqlQuery => t !== null && t.text !== '1');
    return db.get<{ n: number }>(
      sql`SELECT count(*) AS n ${from}${terms.length > 0 ? sql` WHERE ${join(terms, ' AND ')}` : sql``}`,
    )!.n;
  };
  return keptCount(db, sql`${raw(kind)} ${raw(view)} ${from} ${where}`, () => {
    if (view === 'hide' && where.text === '1')
      return count(null) - db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(EXCLUSIONS[kind][0])}`)!.n;
    return count(view === 'all' ? null : exclusionTerm(kind, alias, view));
  });
}

/** References of the draft cases that hold the item (a draft is where an item can still be taken out). */
export function draftCasesHolding(db: Db, kind: ExcludableKind, id: number): string[] {
  const [table, column] = CASE_LINK[kind];
  return db
    .all<{ reference: string }>(
      sql`SELECT k.reference FROM ${raw(table)} l JOIN cases k ON k.id = l.case_id WHERE l.${raw(column)} = ${id} AND k.status = 'draft' ORDER BY k.id`,
    )
    .map((r) => r.reference);
}

function current(db: Db, kind: ExcludableKind, id: number): ExclusionColumns & { sha256?: string } {
  const extra = kind === 'evidence' ? raw(', i.sha256') : raw('');
  const exclusion = exclusionJoin(kind, 'i');
  const row = db.get<ExclusionColumns & { sha256?: string }>(
    sql`SELECT ${exclusion.columns}${extra} FROM ${raw(TABLE[kind])} i ${exclusion.join} WHERE i.id = ${id}`,
  );
  if (!row) throw new JejakError('NOT_FOUND', `No ${kind === 'channel' ? 'channel' : 'evidence item'} ${id}.`);
  return row;
}

export function excludeItem(
  session: VaultSession,
  kind: ExcludableKind,
  id: number,
  reason: string,
  now = new Date(),
): void {
  const why = reason.trim();
  if (!why)
    throw new JejakError(
      'INVALID_INPUT',
      'Say why it is excluded: the reason is kept with the item and in the audit log.',
    );
  const row = current(session.db, kind, id);
  if (row.excluded_at)
    throw new JejakError('INVALID_INPUT', `${NAME[kind]} #${id} is already excluded (${row.exclusion_reason}).`);
  const drafts = draftCasesHolding(session.db, kind, id);
  if (drafts.length > 0)
    throw new JejakError(
      'INVALID_INPUT',
      `${NAME[kind]} #${id} is in draft case ${drafts.join(', ')}; remove it from the case first.`,
    );
  const [table, column] = EXCLUSIONS[kind];
  session.db.tx(() => {
    session.db.run(
      sql`INSERT INTO ${raw(table)} (${raw(column)}, excluded_at, excluded_by, exclusion_reason) VALUES (${id}, ${now.toISOString()}, ${session.actor}, ${why})`,
    );
    session.audit({
      action: `${kind}.excluded`,
      subject: { type: kind, id: String(id) },
      details: { reason: why, ...(row.sha256 ? { sha256: row.sha256 } : {}) },
    });
  });
}

export function restoreItem(session: VaultSession, kind: ExcludableKind, id: number): void {
  const row = current(session.db, kind, id);
  if (!row.excluded_at) throw new JejakError('INVALID_INPUT', `${NAME[kind]} #${id} is not excluded.`);
  const [table, column] = EXCLUSIONS[kind];
  session.db.tx(() => {
    session.db.run(sql`DELETE FROM ${raw(table)} WHERE ${raw(column)} = ${id}`);
    session.audit({
      action: `${kind}.restored`,
      subject: { type: kind, id: String(id) },
      details: { excludedAt: row.excluded_at, reason: row.exclusion_reason },
    });
  });
}

/** Refuses excluded items where new work picks items (a case): restore them first. */
export function requireIncluded(db: Db, kind: ExcludableKind, id: number): void {
  const row = current(db, kind, id);
  if (row.excluded_at)
    throw new JejakError(
      'INVALID_INPUT',
      `${NAME[kind]} #${id} is excluded (${row.exclusion_reason}); restore it before adding it to a case.`,
    );
}
