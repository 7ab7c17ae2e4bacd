import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { JejakError } from '../errors';

/** The case's notice id: given when the case is created (migration 0005), the same for every revision. */
export function noticeIdOf(db: Db, caseId: number): string {
  const found = db.get<{ notice_id: string | null }>(sql`SELECT notice_id FROM cases WHERE id = ${caseId}`);
  if (!found) throw new JejakError('NOT_FOUND', `No case ${caseId}.`);
  if (!found.notice_id) throw new JejakError('INTERNAL', `Case ${caseId} has no notice id.`);
  return found.notice_id;
}
