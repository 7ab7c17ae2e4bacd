import { sql } from '../db/sql';
import { PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY, isPdqHex, pdqDistance } from '../evidence/media/pdq';
import type { VaultSession } from '../vault/session';
import { DOWN_ITEMS, flagReappearance, nothingDown } from './reappearances';

interface DownEvidence {
  case_id: number;
  item_id: string;
  channel_id: number | null;
  evidence_id: number;
  pdq: string | null;
  pdq_quality: number | null;
}

/**
 * A picture taken in, checked against the evidence of items taken down. The very same bytes again
 * (intake finds the item it already holds) are flagged by SHA-256; a new picture within the
 * near-duplicate distance of a removed one's PDQ hash (the policy's, as intake uses) as a near
 * duplicate of the closest. Called by the intake once the item is recorded, and by the background
 * job that hashes an item taken in before PDQ.
 */
export function flagReappearedEvidence(
  session: VaultSession,
  evidenceId: number,
  sameBytes: boolean,
  distance = PDQ_MATCH_DISTANCE,
): void {
  if (nothingDown(session)) return;
  const added = session.db.get<Omit<DownEvidence, 'case_id' | 'item_id' | 'channel_id' | 'evidence_id'>>(
    sql`SELECT pdq, pdq_quality FROM evidence WHERE id = ${evidenceId}`,
  );
  if (!added) return;
  const down = session.db.all<DownEvidence>(
    sql`SELECT d.case_id, d.item_id, i.channel_id, e.id AS evidence_id, e.pdq, e.pdq_quality
      FROM (${DOWN_ITEMS}) d JOIN notice_items i ON i.case_id = d.case_id AND i.item_id = d.item_id
      JOIN notice_item_evidence ie ON ie.export_id = i.export_id AND ie.item_id = i.item_id
      JOIN evidence e ON e.id = ie.evidence_id
      GROUP BY d.case_id, d.item_id, e.id`,
  );
  const flag = (earlier: DownEvidence, match: 'sha256' | 'near-duplicate', distance?: number) =>
    flagReappearance(session, {
      evidenceId,
      match,
      distance,
      earlierCaseId: earlier.case_id,
      earlierItemId: earlier.item_id,
      earlierChannelId: earlier.channel_id,
      earlierEvidenceId: earlier.evidence_id,
    });
  if (sameBytes) {
    for (const earlier of down) if (earlier.evidence_id === evidenceId) flag(earlier, 'sha256');
    return;
  }
  if (!matchable(added)) return;
  // Per earlier item, the closest of its pictures.
  const closest = new Map<string, { earlier: DownEvidence; distance: number }>();
  for (const earlier of down) {
    if (!matchable(earlier) || earlier.evidence_id === evidenceId) continue;
    const apart = pdqDistance(added.pdq!, earlier.pdq!);
    const key = `${earlier.case_id} ${earlier.item_id}`;
    if (apart <= distance && apart < (closest.get(key)?.distance ?? Infinity))
      closest.set(key, { earlier, distance: apart });
  }
  for (const { earlier, distance: apart } of closest.values()) flag(earlier, 'near-duplicate', apart);
}

/** A PDQ hash of a picture with enough detail to mean something (Meta's quality bar). */
function matchable(e: { pdq: string | null; pdq_quality: number | null }): boolean {
  return e.pdq !== null && isPdqHex(e.pdq) && (e.pdq_quality ?? 0) >= PDQ_MIN_QUALITY;
}
