import { canonicalJson } from '../canonical-json';
import { auditHead, type AuditEntry } from '../audit/audit-log';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { nextTurn } from '../in-turns';
import { vaultIdOf } from '../vault/vault-state';

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  details: string;
  prev_hash: string;
  hash: string;
}

const ROWS_PER_TURN = 250;

/**
 * data/custody.jsonl: every audit entry about the case, its channels and its evidence (each with
 * its own hash and the hash of the entry before it in the vault's chain), then the vault's chain
 * head at export with the vault's id, so a court can see the items' history and that it sits in one
 * unbroken chain, and whoever holds this package can later check that chain still contains that head
 * (`jejak audit verify --against`). The lines, each without its newline.
 */
export async function custodyLines(
  db: Db,
  caseId: number,
  channelIds: number[],
  evidenceIds: number[],
  rowsPerTurn = ROWS_PER_TURN,
): Promise<string[]> {
  const subjects = [
    { type: 'case', ids: [caseId] },
    { type: 'channel', ids: channelIds },
    { type: 'evidence', ids: evidenceIds },
  ];
  // The head first, and only entries up to it: read a page per turn (so a case with thousands of
  // items never blocks the thread for long), the lines are still the chain as it stood at that head.
  const head = auditHead(db);
  const lines: string[] = [];
  for (let after = 0; ; await nextTurn()) {
    const rows = db.all<AuditRow>(sql`
      SELECT * FROM audit
      WHERE seq > ${after} AND seq <= ${head.seq} AND (
           (subject_type = 'case' AND subject_id = ${String(caseId)})
        OR (subject_type = 'channel' AND subject_id IN (SELECT CAST(value AS TEXT) FROM json_each(${JSON.stringify(channelIds)})))
        OR (subject_type = 'evidence' AND subject_id IN (SELECT CAST(value AS TEXT) FROM json_each(${JSON.stringify(evidenceIds)}))))
      ORDER BY seq LIMIT ${rowsPerTurn}`);
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
    if (rows.length < rowsPerTurn) break;
    after = rows[rows.length - 1]!.seq;
  }
  lines.push(
    canonicalJson({
      type: 'chain-head',
      vaultId: vaultIdOf(db),
      seq: head.seq,
      hash: head.hash,
      subjects: subjects.map((s) => ({ type: s.type, count: s.ids.length })),
    }),
  );
  return lines;
}
