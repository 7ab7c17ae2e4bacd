import type { Db } from '../db/database';
import { sql } from '../db/sql';
import type { CaseStatus } from './case-status';

/** A channel or evidence item of this case that another case already carried past its draft. */
export interface SeenBefore {
  kind: 'channel' | 'evidence';
  itemId: number;
  caseId: number;
  reference: string;
  status: CaseStatus;
}

/**
 * "Seen before": the items of a case that are in other cases already exported (whatever became of
 * them since: approved, actioned, rejected…), each with that case, so the analyst adding them to a
 * new case sees the earlier one and can open it.
 */
export function seenBefore(db: Db, caseId: number): SeenBefore[] {
  return db.all<SeenBefore>(sql`
    SELECT 'channel' AS kind, mine.channel_id AS itemId, k.id AS caseId, k.reference, k.status
      FROM case_channels mine JOIN case_channels other ON other.channel_id = mine.channel_id AND other.case_id != mine.case_id
      JOIN cases k ON k.id = other.case_id
      WHERE mine.case_id = ${caseId} AND k.status != 'draft'
    UNION ALL
    SELECT 'evidence', mine.evidence_id, k.id, k.reference, k.status
      FROM case_evidence mine JOIN case_evidence other ON other.evidence_id = mine.evidence_id AND other.case_id != mine.case_id
      JOIN cases k ON k.id = other.case_id
      WHERE mine.case_id = ${caseId} AND k.status != 'draft'
    ORDER BY kind, itemId, caseId`);
}
