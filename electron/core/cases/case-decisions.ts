import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { requireExportFolder } from '../policy/export-folders';
import type { Policy } from '../policy/policy';
import { writeChunksTo } from '../vault/originals';
import type { VaultSession } from '../vault/session';

export interface DecisionItem {
  /** bag path in the package, e.g. data/evidence/001-0123456789ab.png */
  file: string;
  verdict: 'ok' | 'problem';
  comment: string;
  /** the case's evidence item this file is (null: a report file, or not found) */
  evidenceId: number | null;
  /** the case's channel the file belongs to, as the package's report says */
  channelId: number | null;
}

export interface ReceivedDecision {
  id: number;
  /** the case revision whose export was decided on */
  revision: number;
  decision: 'approved' | 'returned';
  comment: string;
  signer: { name: string; unit: string; fingerprint: string };
  signedAt: string;
  fileName: string;
  packageSha256: string;
  bytes: number;
  receivedAt: string;
  receivedBy: string;
  items: DecisionItem[];
}

interface DecisionRow {
  id: number;
  revision: number;
  decision: 'approved' | 'returned';
  comment: string;
  signer_name: string;
  signer_unit: string;
  signer_fingerprint: string;
  signed_at: string;
  file_name: string;
  package_sha256: string;
  bytes: number;
  received_at: string;
  received_by: string;
}

/** Every decision received for a case, newest first, with its per-file review. */
export function caseDecisions(session: VaultSession, caseId: number): ReceivedDecision[] {
  const rows = session.db.all<DecisionRow>(
    sql`SELECT * FROM case_decisions WHERE case_id = ${caseId} ORDER BY id DESC`,
  );
  return rows.map((r) => ({
    id: r.id,
    revision: r.revision,
    decision: r.decision,
    comment: r.comment,
    signer: { name: r.signer_name, unit: r.signer_unit, fingerprint: r.signer_fingerprint },
    signedAt: r.signed_at,
    fileName: r.file_name,
    packageSha256: r.package_sha256,
    bytes: r.bytes,
    receivedAt: r.received_at,
    receivedBy: r.received_by,
    items: session.db
      .all<{
        file: string;
        verdict: 'ok' | 'problem';
        comment: string;
        evidence_id: number | null;
        channel_id: number | null;
      }>(
        sql`SELECT file, verdict, comment, evidence_id, channel_id FROM case_decision_items WHERE decision_id = ${r.id} ORDER BY file`,
      )
      .map((i) => ({
        file: i.file,
        verdict: i.verdict,
        comment: i.comment,
        evidenceId: i.evidence_id,
        channelId: i.channel_id,
      })),
  }));
}

/**
 * Writes a received decision package out again, byte for byte as it arrived (checked against its
 * SHA-256 while decrypting), into a folder the policy allows; a failure leaves nothing at the destination.
 */
export async function exportDecisionPackage(
  session: VaultSession,
  policy: Policy,
  decisionId: number,
  destination: string,
): Promise<{ path: string; bytes: number; sha256: string }> {
  requireExportFolder(policy, destination);
  const row = session.db.get<{
    blob_name: string;
    package_sha256: string;
    bytes: number;
    case_id: number;
    file_name: string;
  }>(sql`SELECT blob_name, package_sha256, bytes, case_id, file_name FROM case_decisions WHERE id = ${decisionId}`);
  if (!row) throw new JejakError('NOT_FOUND', `No received decision ${decisionId}.`);
  await writeChunksTo(session.blobs.read(row.blob_name, row.package_sha256), destination);
  session.audit({
    action: 'case.decision-exported',
    subject: { type: 'case', id: String(row.case_id) },
    details: { file: row.file_name, sha256: row.package_sha256, to: destination },
  });
  return { path: destination, bytes: row.bytes, sha256: row.package_sha256 };
}
