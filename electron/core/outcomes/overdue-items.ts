import { OPEN_STATUSES } from '../cases/case-status';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { jsonList } from './outcome-types';

/**
 * Overdue is per item: an item of an open case's latest notice, past that notice's deadline,
 * without a final outcome. The case list shows the count per case, the dashboard the total.
 */
const OVERDUE = (now: Date) => sql`FROM case_items ci JOIN cases k ON k.id = ci.case_id
  WHERE k.status IN (SELECT value FROM json_each(${jsonList(OPEN_STATUSES)}))
    AND ci.deadline < ${now.toISOString()} AND NOT ci.final`;

/** Case id → its overdue items (cases with none are left out); one case when caseId is given. */
export function overdueItemsByCase(db: Db, now: Date, caseId?: number): Map<number, number> {
  const only = caseId === undefined ? sql`` : sql` AND ci.case_id = ${caseId}`;
  return new Map(
    db
      .all<{ case_id: number; n: number }>(
        sql`SELECT ci.case_id, count(*) AS n ${OVERDUE(now)}${only} GROUP BY ci.case_id`,
      )
      .map((r) => [r.case_id, r.n]),
  );
}

export function overdueItemCount(db: Db, now: Date): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n ${OVERDUE(now)}`)!.n;
}
