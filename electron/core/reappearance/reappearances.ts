import { type SqlQuery, raw, sql } from '../db/sql';
import type { VaultSession } from '../vault/session';
import { DOWN_STATUSES } from '../../common/outcome-statuses';

/** How a channel or picture was recognised as one already taken down. */
export type ReappearanceMatch = 'handle' | 'title' | 'numeric-id' | 'link' | 'sha256' | 'near-duplicate';

export interface Reappearance {
  id: number;
  channelId: number | null;
  evidenceId: number | null;
  match: ReappearanceMatch;
  /** bits between the perceptual hashes, for a near duplicate */
  distance: number | null;
  earlierCase: { id: number; reference: string };
  earlierItemId: string;
  earlierChannel: { id: number; title: string; url: string } | null;
  earlierEvidence: { id: number; name: string } | null;
  flaggedAt: string;
}

export interface Flag {
  channelId?: number;
  evidenceId?: number;
  match: ReappearanceMatch;
  distance?: number;
  earlierCaseId: number;
  earlierItemId: string;
  earlierChannelId: number | null;
  earlierEvidenceId: number | null;
}

/** Items with a taken-down outcome (at any time: one that came back was still taken down once). */
export const DOWN_ITEMS = sql`SELECT DISTINCT o.case_id, o.item_id FROM item_outcomes o WHERE o.status IN (${raw(
  DOWN_STATUSES.map((s) => `'${s}'`).join(', '),
)})`;

/** True when the vault has taken nothing down yet: most calls end here. */
export function nothingDown(session: VaultSession): boolean {
  return session.db.get(sql`${DOWN_ITEMS} LIMIT 1`) === undefined;
}

/** Records a flag once (the same match to the same earlier item is not repeated) and audits it. */
export function flagReappearance(session: VaultSession, f: Flag): void {
  session.db.tx(() => flagOnce(session, f));
}

function flagOnce(session: VaultSession, f: Flag): void {
  const at = new Date().toISOString();
  const added = session.db
    .run(sql`INSERT INTO reappearances (channel_id, evidence_id, match, distance, earlier_case_id, earlier_item_id,
      earlier_channel_id, earlier_evidence_id, flagged_at)
    VALUES (${f.channelId ?? null}, ${f.evidenceId ?? null}, ${f.match}, ${f.distance ?? null}, ${f.earlierCaseId}, ${f.earlierItemId},
      ${f.earlierChannelId}, ${f.earlierEvidenceId}, ${at}) ON CONFLICT DO NOTHING`);
  if (added.changes === 0) return;
  const reference = session.db.get<{ reference: string }>(
    sql`SELECT reference FROM cases WHERE id = ${f.earlierCaseId}`,
  )?.reference;
  session.audit({
    action: f.channelId !== undefined ? 'channel.reappeared' : 'evidence.reappeared',
    subject: { type: f.channelId !== undefined ? 'channel' : 'evidence', id: String(f.channelId ?? f.evidenceId) },
    details: {
      match: f.match,
      distance: f.distance ?? null,
      earlierCase: reference,
      earlierItemId: f.earlierItemId,
      earlierChannelId: f.earlierChannelId,
      earlierEvidenceId: f.earlierEvidenceId,
    },
  });
}

interface FlagRow {
  id: number;
  channel_id: number | null;
  evidence_id: number | null;
  match: ReappearanceMatch;
  distance: number | null;
  case_id: number;
  reference: string;
  earlier_item_id: string;
  earlier_channel_id: number | null;
  channel_title: string | null;
  channel_url: string | null;
  earlier_evidence_id: number | null;
  evidence_name: string | null;
  flagged_at: string;
}

/** The flags on a channel or an evidence item (or every flag), newest first, each with the earlier case. */
export function reappearancesOf(
  session: VaultSession,
  of: { channelId?: number; evidenceId?: number } = {},
): Reappearance[] {
  const where: SqlQuery =
    of.channelId !== undefined
      ? sql`r.channel_id = ${of.channelId}`
      : of.evidenceId !== undefined
        ? sql`r.evidence_id = ${of.evidenceId}`
        : sql`1`;
  return session.db
    .all<FlagRow>(
      sql`SELECT r.id, r.channel_id, r.evidence_id, r.match, r.distance, k.id AS case_id, k.reference, r.earlier_item_id,
        r.earlier_channel_id, c.title AS channel_title, c.canonical_url AS channel_url,
        r.earlier_evidence_id, e.original_name AS evidence_name, r.flagged_at
      FROM reappearances r JOIN cases k ON k.id = r.earlier_case_id
      LEFT JOIN channels c ON c.id = r.earlier_channel_id LEFT JOIN evidence e ON e.id = r.earlier_evidence_id
      WHERE ${where} ORDER BY r.id DESC`,
    )
    .map((r) => ({
      id: r.id,
      channelId: r.channel_id,
      evidenceId: r.evidence_id,
      match: r.match,
      distance: r.distance,
      earlierCase: { id: r.case_id, reference: r.reference },
      earlierItemId: r.earlier_item_id,
      earlierChannel:
        r.earlier_channel_id !== null
          ? { id: r.earlier_channel_id, title: r.channel_title ?? '', url: r.channel_url ?? '' }
          : null,
      earlierEvidence:
        r.earlier_evidence_id !== null ? { id: r.earlier_evidence_id, name: r.evidence_name ?? '' } : null,
      flaggedAt: r.flagged_at,
    }));
}
