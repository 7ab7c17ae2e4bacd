import type { ReportData } from '../../common/report-json';
import { sql } from '../db/sql';
import type { StatementInfo } from '../packages';
import type { StoredBlob } from '../vault/blob-store';
import type { VaultSession } from '../vault/session';
import type { Approval } from './accept-package';
import type { VaultCustodyVerdict } from './custody-of-vault';
import type { MergedEvidence } from './merge-items';
import type { CustodyExcerpt, NoticeFacts } from './package-contents';
import { countPackage } from './unit-counts';

export interface PackageRecord {
  fileName: string;
  blob: StoredBlob;
  encrypted: boolean;
  decisionSha256: string;
  tagmanifestSha256: string;
  vaultId: string | null;
  report: ReportData;
  notice: NoticeFacts;
  custody: CustodyExcerpt;
  verdict: VaultCustodyVerdict;
  statements: StatementInfo[];
  approval: Approval;
  channels: Map<string, { id: number }>;
  evidence: MergedEvidence[];
  now: string;
}

/** The package's rows with their provenance; inside the import's transaction. Returns the package's id. */
export function recordPackage(session: VaultSession, r: PackageRecord): number {
  const db = session.db;
  const k = r.report.case;
  const analyst = r.statements[0]!;
  const head = r.custody.head;
  const packageId = Number(
    db.run(sql`INSERT INTO unit_packages (decision_sha256, tagmanifest_sha256, package_sha256, file_name, blob_name, bytes, encrypted, vault_id,
        reference, title, platform, priority, due_at, notice_id, analyst_name, analyst_unit, analyst_id, analyst_fingerprint,
        supervisor_name, supervisor_fingerprint, exported_at, approved_at, comment, head_seq, head_hash, custody, custody_detail, custody_other_id,
        imported_at, imported_by)
      VALUES (${r.decisionSha256}, ${r.tagmanifestSha256}, ${r.blob.sha256}, ${r.fileName}, ${r.blob.name}, ${r.blob.size}, ${r.encrypted ? 1 : 0}, ${r.vaultId},
        ${k.reference}, ${k.title}, ${k.platform}, ${k.priority}, ${k.dueAt}, ${r.notice.noticeId}, ${analyst.signer.name}, ${analyst.signer.unit}, ${analyst.signer.id}, ${analyst.signer.fingerprint},
        ${r.approval.signer.name}, ${r.approval.signer.fingerprint}, ${analyst.signedAt}, ${r.approval.signedAt}, ${r.approval.comment}, ${head?.seq ?? null}, ${head?.hash ?? null},
        ${r.verdict.status}, ${r.verdict.detail}, ${r.verdict.otherId}, ${r.now}, ${session.actor})`).lastInsertRowid,
  );
  for (const s of r.statements)
    db.run(sql`INSERT INTO unit_statements (package_id, seq, role, decision, signer_name, signer_unit, signer_id, signer_fingerprint, signed_at, comment)
      VALUES (${packageId}, ${s.seq}, ${s.role}, ${s.decision}, ${s.signer.name}, ${s.signer.unit}, ${s.signer.id}, ${s.signer.fingerprint}, ${s.signedAt}, ${s.comment})`);
  for (const c of r.report.channels) {
    const channelId = r.channels.get(c.canonicalUrl)!.id;
    db.run(sql`INSERT INTO unit_channel_sources (channel_id, package_id, original_url, title, category, status, first_seen)
      VALUES (${channelId}, ${packageId}, ${c.originalUrl}, ${c.title}, ${c.category}, ${c.status}, ${c.firstSeen}) ON CONFLICT DO NOTHING`);
  }
  const phash = new Map(r.notice.evidence.map((e) => [e.path, e.perceptualHash]));
  const reported = new Map(r.report.evidence.map((e) => [e.file, e]));
  for (const e of r.evidence) {
    const facts = reported.get(e.file)!;
    const channelId = e.channelUrl ? (r.channels.get(e.channelUrl)?.id ?? null) : null;
    if (channelId !== null)
      db.run(sql`UPDATE evidence SET channel_id = ${channelId} WHERE id = ${e.evidenceId} AND channel_id IS NULL`);
    db.run(sql`INSERT INTO unit_evidence_sources (evidence_id, package_id, file, channel_url, captured_at, taken_by, perceptual_hash)
      VALUES (${e.evidenceId}, ${packageId}, ${e.file}, ${e.channelUrl}, ${facts.capturedAt}, ${facts.takenBy}, ${phash.get(e.file) ?? null})
      ON CONFLICT DO NOTHING`);
  }
  for (const item of r.notice.items) {
    const channelId = r.channels.get(item.canonicalUrl)?.id ?? null;
    db.run(sql`INSERT INTO unit_items (package_id, item_id, kind, canonical_url, channel_id, category, deadline)
      VALUES (${packageId}, ${item.itemId}, ${item.kind}, ${item.canonicalUrl}, ${channelId}, ${item.category}, ${r.notice.deadline}) ON CONFLICT DO NOTHING`);
  }
  countPackage(db, {
    id: packageId,
    analyst: { fingerprint: analyst.signer.fingerprint, name: analyst.signer.name },
    vaultId: head ? r.vaultId : null,
    exportedAt: analyst.signedAt,
  });
  for (const e of r.custody.entries)
    db.run(sql`INSERT INTO unit_custody_entries (package_id, seq, hash, prev_hash, action, at)
      VALUES (${packageId}, ${e.seq}, ${e.hash}, ${e.prevHash}, ${e.action}, ${e.at}) ON CONFLICT DO NOTHING`);
  return packageId;
}
