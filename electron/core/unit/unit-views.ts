import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { type DashboardStats, dashboardStats } from '../dashboard/dashboard';
import type { CustodyStatus } from './custody-check';
import { overdueUnitItems } from './unit-counts';

/**
 * What a unit catalog shows beyond the merged channel and evidence lists (which are the vault's
 * own): the packages taken in, counts per analyst, the audit head last seen per source vault, the
 * notice items past their deadline, and one channel's history across analysts and cases. A
 * transparency report at unit level is a query over these same rows (unit_items, unit_packages)
 * beside the per-vault one; it is not built here.
 */

export interface UnitPackageRow {
  id: number;
  fileName: string;
  reference: string;
  title: string;
  platform: string;
  analyst: string;
  supervisor: string;
  vaultId: string | null;
  exportedAt: string;
  approvedAt: string;
  importedAt: string;
  headSeq: number | null;
  custody: CustodyStatus;
  custodyDetail: string;
  custodyOther: string | null;
  channels: number;
  evidence: number;
}

const PACKAGE_COLUMNS = sql`p.id, p.file_name AS fileName, p.reference, p.title, p.platform, p.analyst_name AS analyst,
  p.supervisor_name AS supervisor, p.vault_id AS vaultId, p.exported_at AS exportedAt, p.approved_at AS approvedAt,
  p.imported_at AS importedAt, p.head_seq AS headSeq, p.custody, p.custody_detail AS custodyDetail,
  (SELECT file_name FROM unit_packages o WHERE o.id = p.custody_other_id) AS custodyOther,
  (SELECT count(*) FROM unit_channel_sources s WHERE s.package_id = p.id) AS channels,
  (SELECT count(*) FROM unit_evidence_sources s WHERE s.package_id = p.id) AS evidence`;

/** Newest first, a page at a time; `flagged` keeps only packages whose custody was flagged. */
export function listUnitPackages(
  db: Db,
  opts: { limit: number; offset?: number; flagged?: boolean },
): UnitPackageRow[] {
  const where = opts.flagged ? sql`p.custody IN ('truncated', 'forked')` : sql`1`;
  return db.all<UnitPackageRow>(
    sql`SELECT ${PACKAGE_COLUMNS} FROM unit_packages p WHERE ${where} ORDER BY p.imported_at DESC, p.id DESC LIMIT ${opts.limit} OFFSET ${opts.offset ?? 0}`,
  );
}

export interface UnitDashboard {
  packages: number;
  flaggedPackages: number;
  analysts: Array<{ name: string; fingerprint: string; packages: number; channels: number; evidence: number }>;
  /** the last audit head seen from each source vault (by export time) */
  vaults: Array<{
    vaultId: string;
    analyst: string;
    packages: number;
    headSeq: number;
    headHash: string;
    lastFile: string;
  }>;
  /** notice items past their deadline: the unit receives no platform outcome, so each is open as far as it knows */
  overdueItems: number;
  catalog: DashboardStats;
}

/** The unit's own counts (kept by the import) beside the merged catalog's, which are the vault dashboard's. */
export function unitDashboard(db: Db, now = new Date()): UnitDashboard {
  return { ...unitCounts(db, now), catalog: dashboardStats(db, 12, now) };
}

export function unitCounts(db: Db, now = new Date()): Omit<UnitDashboard, 'catalog'> {
  const count = (q: ReturnType<typeof sql>) => db.get<{ n: number }>(q)!.n;
  return {
    packages: count(sql`SELECT count(*) AS n FROM unit_packages`),
    flaggedPackages: count(sql`SELECT count(*) AS n FROM unit_packages WHERE custody IN ('truncated', 'forked')`),
    analysts: db.all(
      sql`SELECT name, fingerprint, packages, channels, evidence FROM unit_analysts ORDER BY packages DESC, name`,
    ),
    vaults:
      db.all(sql`SELECT v.vault_id AS vaultId, p.analyst_name AS analyst, v.packages, p.head_seq AS headSeq, p.head_hash AS headHash, p.file_name AS lastFile
      FROM unit_vaults v JOIN unit_packages p ON p.id = v.last_package_id ORDER BY p.analyst_name`),
    overdueItems: overdueUnitItems(db, now),
  };
}

export interface ChannelSourceRow {
  packageId: number;
  fileName: string;
  reference: string;
  title: string;
  analyst: string;
  supervisor: string;
  exportedAt: string;
  approvedAt: string;
  originalUrl: string;
  category: string;
  status: string;
  evidence: number;
}

/** One unit channel's history: every package that reported it, oldest export first. */
export function channelHistory(db: Db, channelId: number): ChannelSourceRow[] {
  return db.all<ChannelSourceRow>(sql`SELECT p.id AS packageId, p.file_name AS fileName, p.reference, p.title, p.analyst_name AS analyst,
      p.supervisor_name AS supervisor, p.exported_at AS exportedAt, p.approved_at AS approvedAt, s.original_url AS originalUrl,
      s.category, s.status,
      (SELECT count(*) FROM unit_evidence_sources es JOIN evidence e ON e.id = es.evidence_id WHERE es.package_id = p.id AND e.channel_id = s.channel_id) AS evidence
    FROM unit_channel_sources s JOIN unit_packages p ON p.id = s.package_id
    WHERE s.channel_id = ${channelId} ORDER BY p.exported_at, p.id`);
}

export interface SharedChannelRow {
  id: number;
  canonicalUrl: string;
  title: string;
  platform: string;
  sources: number;
  analysts: number;
}

/** Channels reported in more than one package, most reported first: where reports duplicate each other. */
export function sharedChannels(db: Db, limit: number): SharedChannelRow[] {
  return db.all<SharedChannelRow>(sql`SELECT c.id, c.canonical_url AS canonicalUrl, c.title, c.platform, n.sources, n.analysts
    FROM unit_channel_counts n JOIN channels c ON c.id = n.channel_id WHERE n.sources > 1 ORDER BY n.sources DESC, n.channel_id LIMIT ${limit}`);
}
