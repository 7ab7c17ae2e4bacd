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

/** Audit entries' numbers read at a time, a turn after each, while the case's entries are found. */
const ROWS_PER_PAGE = 250;
/**
 * Whole entries read at a time as the lines are written, which takes turns by time between lines
 * (streamedText) but not within a read: at the 1,000-channel case (16,003 lines) a read of 250 held
 * the thread up to 8 ms past a due turn, one of 50 up to 4.4 (2 passes each, the whole log as fast).
 */
const ENTRIES_PER_READ = 50;

/** data/custody.jsonl of a case: its lines, read from the vault each time they are asked for. */
export interface CustodyLog {
  lines(): Generator<string>;
}

/**
 * data/custody.jsonl: every audit entry about the case, its channels and its evidence (each with
 * its own hash and the hash of the entry before it in the vault's chain), then the vault's chain
 * head at export with the vault's id, so a court can see the items' history and that it sits in one
 * unbroken chain, and whoever holds this package can later check that chain still contains that head
 * (`jejak audit verify --against`). The lines, each without its newline.
 *
 * Only the entries' numbers are kept: `lines()` reads the entries a page at a time as its lines are
 * taken, the same each time (entries up to the head are never changed). Held as strings, the lines of
 * a 20,000-item case were 17 MiB of heap from the moment they were made until written.
 */
export async function custodyLog(
  db: Db,
  caseId: number,
  channelIds: number[],
  evidenceIds: number[],
  rowsPerPage = ROWS_PER_PAGE,
  entriesPerRead = ENTRIES_PER_READ,
): Promise<CustodyLog> {
  const subjects = [
    { type: 'case', ids: [caseId] },
    { type: 'channel', ids: channelIds },
    { type: 'evidence', ids: evidenceIds },
  ];
  // The head first, and only entries up to it: the chain as it stood at that head. Read in pages,
  // a turn after each, so a case with thousands of items never blocks the thread for long.
  const head = auditHead(db);
  const seqs: number[] = [];
  for (const { type, ids } of subjects) {
    for (let from = 0; from < ids.length; from += rowsPerPage, await nextTurn()) {
      const page = JSON.stringify(ids.slice(from, from + rowsPerPage).map(String));
      // by the subject index: a page of ids costs what its entries cost, not the whole audit log
      const rows = db.all<{ seq: number }>(sql`
        SELECT seq FROM audit
        WHERE subject_type = ${type} AND subject_id IN (SELECT value FROM json_each(${page})) AND seq <= ${head.seq}`);
      for (const r of rows) seqs.push(r.seq);
    }
  }
  seqs.sort((a, b) => a - b);
  const headLine = canonicalJson({
    type: 'chain-head',
    vaultId: vaultIdOf(db),
    seq: head.seq,
    hash: head.hash,
    subjects: subjects.map((s) => ({ type: s.type, count: s.ids.length })),
  });
  return {
    *lines() {
      for (let from = 0; from < seqs.length; from += entriesPerRead)
        yield* entryLines(db, seqs.slice(from, from + entriesPerRead));
      yield headLine;
    },
  };
}

/** The audit entries numbered `seqs`, in order, each as its line. */
function* entryLines(db: Db, seqs: number[]): Generator<string> {
  const rows = db.all<AuditRow>(sql`
    SELECT * FROM audit WHERE seq IN (SELECT value FROM json_each(${JSON.stringify(seqs)})) ORDER BY seq`);
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
    yield canonicalJson({ type: 'audit-entry', ...entry });
  }
}
