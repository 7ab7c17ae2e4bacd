import { canonicalJson } from '../canonical-json';
import { auditHead, type AuditEntry } from '../audit/audit-log';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { vaultIdOf } from '../vault/vault-state';

/**
 * data/custody.jsonl: every audit entry about the case, its channels and its evidence (each with
 * its own hash and the hash of the entry before it in the vault's chain), then the vault's chain
 * head at export with the vault's id, so a court can see the items' history and that it sits in one
 * unbroken chain, and whoever holds this package can later check that chain still contains that head
 * (`jejak audit verify --against`).
 */
export function custodyLines(db: Db, caseId: number, channelIds: number[], evidenceIds: number[]): string {
  const subjects = [
    { type: 'case', ids: [caseId] },
    { type: 'channel', ids: channelIds },
    { type: 'evidence', ids: evidenceIds },
  ];
  const lines: string[] = [];
  const rows = db.all<{
    seq: number;
    at: string;
    actor: string;
    action: string;
    subject_type: string;
    subject_id: string;
    details: string;
    prev_hash: string;
    hash: string;
  }>(sql`
    SELECT * FROM audit
    WHERE (subject_type = 'case' AND subject_id = ${String(caseId)})
       OR (subject_type = 'channel' AND subject_id IN (SELECT CAST(value AS TEXT) FROM json_each(${JSON.stringify(channelIds)})))
       OR (subject_type = 'evidence' AND subject_id IN (SELECT CAST(value AS TEXT) FROM json_each(${JSON.stringify(evidenceIds)})))
    ORDER BY seq`);
  for (const r of rows) {
    const entry: AuditEntry = {
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      details: JSON.parse(r.details),
      prevHash: r.prev_hash,
      hash: r.hash,
    };
    lines.push(canonicalJson({ type: 'audit-entry', ...entry }));
  }
  const head = auditHead(db);
  lines.push(
    canonicalJson({
      type: 'chain-head',
      vaultId: vaultIdOf(db),
      seq: head.seq,
      hash: head.hash,
      subjects: subjects.map((s) => ({ type: s.type, count: s.ids.length })),
    }),
  );
  return `${lines.join('\n')}\n`;
}
