import type { Db } from '../db/database';
import { sql } from '../db/sql';
import type { AuditEntry } from './audit-log';

export interface LabelledAuditEntry extends AuditEntry {
  /** what the subject is called now: a channel's title, an evidence item's file name, a case's reference, a package's name */
  subjectLabel: string | null;
  /** the subject is still in this vault, so a window can open it */
  subjectExists: boolean;
}

/** Subject types that are rows of this vault, by the table that holds them. */
const ROW_TYPES = ['channel', 'evidence', 'case'] as const;

/**
 * Names the subject of each entry for the activity log, in one query for the whole page. A
 * subject that is gone (a deleted case, a purged item) keeps the name its entry recorded.
 */
export function withSubjectLabels(db: Db, entries: AuditEntry[]): LabelledAuditEntry[] {
  const ids = Object.fromEntries(ROW_TYPES.map((type) => [type, new Set<number>()])) as Record<
    (typeof ROW_TYPES)[number],
    Set<number>
  >;
  for (const e of entries) {
    if (e.subjectType && e.subjectType in ids && /^\d{1,15}$/.test(e.subjectId ?? ''))
      ids[e.subjectType as keyof typeof ids].add(Number(e.subjectId));
  }
  const list = (type: keyof typeof ids) => JSON.stringify([...ids[type]]);
  const rows = db.all<{ type: string; id: number; label: string | null }>(sql`
    SELECT 'channel' AS type, id, COALESCE(NULLIF(title, ''), '@' || ltrim(handle, '@'), canonical_url) AS label
      FROM channels WHERE id IN (SELECT value FROM json_each(${list('channel')}))
    UNION ALL SELECT 'evidence', id, original_name FROM evidence WHERE id IN (SELECT value FROM json_each(${list('evidence')}))
    UNION ALL SELECT 'case', id, reference FROM cases WHERE id IN (SELECT value FROM json_each(${list('case')}))`);
  const found = new Map(rows.map((r) => [`${r.type}:${r.id}`, r.label]));
  return entries.map((e) => {
    const key = `${e.subjectType}:${e.subjectId}`;
    if (found.has(key)) return { ...e, subjectLabel: found.get(key) ?? null, subjectExists: true };
    return { ...e, subjectLabel: recordedLabel(e), subjectExists: false };
  });
}

/** The name an entry carries itself: a package or file is named by its id; a gone row by what was written when it changed. */
function recordedLabel(e: AuditEntry): string | null {
  if (e.subjectType === 'package' || e.subjectType === 'file' || e.subjectType === 'blob') return e.subjectId;
  const named = e.details.reference ?? e.details.title ?? e.details.originalName;
  return typeof named === 'string' && named !== '' ? named : null;
}
