import type { Db } from '../db/database';
import { raw, sql } from '../db/sql';

/**
 * The counts the unit page reads, brought up to date with one package just recorded (inside its
 * transaction): a channel or an original counts once per analyst however many of their packages
 * carry it, and the vault's latest export (by its analyst's signing time) holds the head last seen.
 */
export function countPackage(
  db: Db,
  p: { id: number; analyst: { fingerprint: string; name: string }; vaultId: string | null; exportedAt: string },
): void {
  const fp = p.analyst.fingerprint;
  const firstForAnalyst = (table: 'unit_channel_sources' | 'unit_evidence_sources', column: string) =>
    sql`NOT EXISTS (SELECT 1 FROM ${raw(table)} o JOIN unit_packages q ON q.id = o.package_id
      WHERE o.${raw(column)} = s.${raw(column)} AND o.package_id != ${p.id} AND q.analyst_fingerprint = ${fp})`;
  const newChannels = db.all<{ channel_id: number; fresh: number }>(
    sql`SELECT s.channel_id, ${firstForAnalyst('unit_channel_sources', 'channel_id')} AS fresh FROM unit_channel_sources s WHERE s.package_id = ${p.id}`,
  );
  const newEvidence = db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM unit_evidence_sources s WHERE s.package_id = ${p.id} AND ${firstForAnalyst('unit_evidence_sources', 'evidence_id')}`,
  )!.n;
  const freshChannels = newChannels.filter((c) => c.fresh).length;
  db.run(sql`INSERT INTO unit_analysts (fingerprint, name, packages, channels, evidence) VALUES (${fp}, ${p.analyst.name}, 1, ${freshChannels}, ${newEvidence})
    ON CONFLICT(fingerprint) DO UPDATE SET name = excluded.name, packages = packages + 1, channels = channels + excluded.channels, evidence = evidence + excluded.evidence`);
  for (const c of newChannels)
    db.run(sql`INSERT INTO unit_channel_counts (channel_id, sources, analysts) VALUES (${c.channel_id}, 1, ${c.fresh})
      ON CONFLICT(channel_id) DO UPDATE SET sources = sources + 1, analysts = analysts + excluded.analysts`);
  if (p.vaultId === null) return;
  db.run(sql`INSERT INTO unit_vaults (vault_id, packages, last_package_id, last_exported_at) VALUES (${p.vaultId}, 1, ${p.id}, ${p.exportedAt})
    ON CONFLICT(vault_id) DO UPDATE SET packages = packages + 1,
      last_package_id = CASE WHEN excluded.last_exported_at >= last_exported_at THEN excluded.last_package_id ELSE last_package_id END,
      last_exported_at = max(last_exported_at, excluded.last_exported_at)`);
}

/**
 * Notice items whose deadline is before `now`: the whole days before today from the per-day counts
 * (0014-catalog-counts), today's items one by one. The same as comparing every deadline with now.
 */
export function overdueUnitItems(db: Db, now: Date): number {
  const at = now.toISOString();
  const today = at.slice(0, 10);
  const before = db.get<{ n: number }>(
    sql`SELECT coalesce(sum(items), 0) AS n FROM unit_deadline_days WHERE day < ${today}`,
  )!.n;
  const earlierToday = db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM unit_items WHERE deadline >= ${today} AND deadline < ${at}`,
  )!.n;
  return before + earlierToday;
}
