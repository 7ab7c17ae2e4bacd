import { sql } from '../db/sql';
import { NEAR_DUPLICATE_DISTANCE, phashDistance } from '../evidence/media/phash';
import type { VaultSession } from '../vault/session';
import { DOWN_ITEMS, flagReappearance, nothingDown } from './reappearances';

const PHASH = /^[0-9a-f]{16}$/;

interface DownEvidence {
  case_id: number;
  item_id: string;
  channel_id: number | null;
  evidence_id: number;
  phash: string | null;
}

/**
 * A picture taken in, checked against the evidence of items taken down. The very same bytes again
 * (intake finds the item it already holds) are flagged by SHA-256; a new picture within the
 * near-duplicate distance of a removed one's perceptual hash (the bound the intake's pHash index
 * uses) as a near duplicate of the closest. Called by the intake once the item is recorded.
 */
export function flagReappearedEvidence(session: VaultSession, evidenceId: number, sameBytes: boolean): void {
  if (nothingDown(session)) return;
  const added = session.db.get<{ phash: string | null }>(sql`SELECT phash FROM evidence WHERE id = ${evidenceId}`);
  if (!added) return;
  const down = session.db.all<DownEvidence>(
    sql`SELECT d.case_id, d.item_id, i.channel_id, e.id AS evidence_id, e.phash
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
  if (added.phash === null || !PHASH.test(added.phash)) return;
  // Per earlier item, the closest of its pictures.
  const closest = new Map<string, { earlier: DownEvidence; distance: number }>();
  for (const earlier of down) {
    if (earlier.phash === null || !PHASH.test(earlier.phash) || earlier.evidence_id === evidenceId) continue;
    const distance = phashDistance(added.phash, earlier.phash);
    const key = `${earlier.case_id} ${earlier.item_id}`;
    if (distance <= NEAR_DUPLICATE_DISTANCE && distance < (closest.get(key)?.distance ?? Infinity))
      closest.set(key, { earlier, distance });
  }
  for (const { earlier, distance } of closest.values()) flag(earlier, 'near-duplicate', distance);
}
