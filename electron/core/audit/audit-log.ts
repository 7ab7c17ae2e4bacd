import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import type { Db } from '../db/database';
import { sql } from '../db/sql';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  action: string;
  subject?: { type: string; id: string };
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function auditHead(db: Db): { seq: number; hash: string } {
  return (
    db.get<{ seq: number; hash: string }>(sql`SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1`) ?? {
      seq: 0,
      hash: GENESIS_HASH,
    }
  );
}

/**
 * Appends one entry chained to the current head. Call inside the transaction of the change it
 * records (outside one, it is a transaction of its own). It takes no savepoint there: its one
 * INSERT is atomic, and the transaction has held the write lock since it began (Db.tx's BEGIN
 * IMMEDIATE), so the head it read is still the head.
 */
export function appendAudit(db: Db, input: AuditInput, now = new Date()): AuditEntry {
  return db.raw.inTransaction ? appendToHead(db, input, now) : db.tx(() => appendToHead(db, input, now));
}

function appendToHead(db: Db, input: AuditInput, now: Date): AuditEntry {
  const head = auditHead(db);
  const body = {
    seq: head.seq + 1,
    at: now.toISOString(),
    actor: input.actor,
    action: input.action,
    subjectType: input.subject?.type ?? null,
    subjectId: input.subject?.id ?? null,
    details: input.details ?? {},
    prevHash: head.hash,
  };
  const entry = { ...body, hash: entryHash(body) };
  db.run(sql`INSERT INTO audit (seq, at, actor, action, subject_type, subject_id, details, prev_hash, hash)
    VALUES (${entry.seq}, ${entry.at}, ${entry.actor}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId},
            ${canonicalJson(entry.details)}, ${entry.prevHash}, ${entry.hash})`);
  return entry;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: string;
  /** the first entry that does not check, and why */
  firstBad?: { seq: number; reason: string };
}

/** Recomputes every hash and every link from the first entry on; stops at the first break. */
export function verifyAudit(db: Db): AuditVerification {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of db.raw.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const fail = (reason: string): AuditVerification => ({
      ok: false,
      entries,
      head: prev,
      firstBad: { seq: row.seq, reason },
    });
    if (row.seq !== expectedSeq) return fail(`entry ${expectedSeq} is missing (next is ${row.seq})`);
    if (row.prev_hash !== prev) return fail('does not link to the entry before it');
    let entry: AuditEntry;
    try {
      entry = fromRow(row);
    } catch {
      return fail('its details are not valid JSON');
    }
    const { hash, ...body } = entry;
    if (entryHash(body) !== hash) return fail('its content does not match its hash (changed after it was written)');
    prev = hash;
    expectedSeq++;
    entries++;
  }
  return { ok: true, entries, head: prev };
}

export function listAudit(
  db: Db,
  opts: { limit: number; beforeSeq?: number; subject?: { type: string; id: string } },
): AuditEntry[] {
  const before = opts.beforeSeq ?? Number.MAX_SAFE_INTEGER;
  const rows = opts.subject
    ? db.all<AuditRow>(
        sql`SELECT * FROM audit WHERE subject_type = ${opts.subject.type} AND subject_id = ${opts.subject.id} AND seq < ${before} ORDER BY seq DESC LIMIT ${opts.limit}`,
      )
    : db.all<AuditRow>(sql`SELECT * FROM audit WHERE seq < ${before} ORDER BY seq DESC LIMIT ${opts.limit}`);
  return rows.map(fromRow);
}
