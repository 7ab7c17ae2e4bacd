import { CASE_STATUSES, type CaseStatus } from '../../common/case-statuses';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import type { VaultSession } from '../vault/session';

export { CASE_STATUSES, type CaseStatus };

/**
 * The steps allowed between the statuses. Every step is a row in case_status_history (who, when,
 * note) and an audit entry; a returned case goes back to draft as a new revision.
 */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  draft: ['exported'],
  exported: ['approved', 'returned'],
  approved: ['submitted'],
  returned: ['draft'],
  submitted: ['acknowledged'],
  acknowledged: ['actioned', 'rejected'],
  actioned: [],
  rejected: [],
};

/** From export until the platform acts: what the dashboard counts as open, and what can be overdue. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['exported', 'approved', 'returned', 'submitted', 'acknowledged'];

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * Steps only a package makes: writing the export, and receiving the supervisor's countersigned
 * decision (recordDecision). Nobody can type "approved": that would skip the second pair of eyes.
 */
const BY_PACKAGE: readonly CaseStatus[] = ['exported', 'approved', 'returned'];

/** The steps a person can record next (app, CLI). */
export function allowedNext(status: CaseStatus): CaseStatus[] {
  return NEXT[status].filter((s) => !BY_PACKAGE.includes(s));
}

interface StatusRow {
  status: CaseStatus;
  reference: string;
  revision: number;
}

function statusRow(session: VaultSession, caseId: number): StatusRow {
  const row = session.db.get<StatusRow>(sql`SELECT status, reference, revision FROM cases WHERE id = ${caseId}`);
  if (!row) throw new JejakError('NOT_FOUND', `No case ${caseId}.`);
  return row;
}

/** Edits (title, items, deletion) are for drafts: once exported, a case's content is what was signed. */
export function requireDraft(session: VaultSession, caseId: number): StatusRow {
  const row = statusRow(session, caseId);
  if (row.status !== 'draft') {
    throw new JejakError(
      'INVALID_INPUT',
      `Case ${row.reference} is ${row.status}; only a draft can change. A returned case becomes a new draft revision.`,
    );
  }
  return row;
}

function illegal(row: StatusRow, to: string): JejakError {
  const next = allowedNext(row.status);
  const allowed =
    next.length > 0
      ? `allowed next: ${next.join(', ')}`
      : NEXT[row.status].length > 0
        ? `next: ${NEXT[row.status].join(' or ')}, from a package`
        : 'no further step is possible';
  const hint =
    to === 'exported'
      ? ' A case becomes exported when its package is written (case export).'
      : to === 'approved' || to === 'returned'
        ? " The supervisor's decision is recorded by receiving their countersigned package (case receive FILE.zip, or drop it on the case)."
        : '';
  return new JejakError(
    'ILLEGAL_STEP',
    `Case ${row.reference} is ${row.status}; it cannot become ${to} (${allowed}).${hint}`,
    { current: row.status, allowed: next },
  );
}

/** The one place a status changes: the history row, the audit entry and, back to draft, the new revision. */
function step(
  session: VaultSession,
  caseId: number,
  row: StatusRow,
  to: CaseStatus,
  note: string,
  details: Record<string, unknown>,
  now: Date,
): void {
  const at = now.toISOString();
  session.db.tx(() => {
    if (to === 'draft') {
      const revision = row.revision + 1;
      const base = row.revision > 1 ? row.reference.slice(0, -`-r${row.revision}`.length) : row.reference;
      const reference = `${base}-r${revision}`;
      session.db.run(sql`UPDATE cases SET revision = ${revision}, reference = ${reference} WHERE id = ${caseId}`);
      session.audit({
        action: 'case.revised',
        subject: { type: 'case', id: String(caseId) },
        details: { from: row.reference, to: reference, revision },
      });
    }
    session.db.run(sql`UPDATE cases SET status = ${to}, updated_at = ${at} WHERE id = ${caseId}`);
    session.db.run(
      sql`INSERT INTO case_status_history (case_id, status, at, actor, note) VALUES (${caseId}, ${to}, ${at}, ${session.actor}, ${note})`,
    );
    session.audit({
      action: 'case.status-changed',
      subject: { type: 'case', id: String(caseId) },
      details: { from: row.status, status: to, note, ...details },
    });
  });
}

/** A returned case is revised (a new draft) before anything is sent again; its old content is not re-signed. */
export function requireExportable(kase: { reference: string; status: CaseStatus }): void {
  if (kase.status === 'returned') {
    throw new JejakError(
      'ILLEGAL_STEP',
      `Case ${kase.reference} was returned; make a revised draft (case status ${kase.reference} draft) and export that.`,
    );
  }
}

/** A step recorded by a person (app, CLI): submitted, acknowledged, actioned, rejected, or a returned case's new draft. */
export function setCaseStatus(
  session: VaultSession,
  caseId: number,
  status: string,
  note = '',
  now = new Date(),
): void {
  if (!(CASE_STATUSES as readonly string[]).includes(status)) {
    throw new JejakError('INVALID_INPUT', `Unknown case status "${status}". Known: ${CASE_STATUSES.join(', ')}.`);
  }
  const row = statusRow(session, caseId);
  const to = status as CaseStatus;
  if (!allowedNext(row.status).includes(to)) throw illegal(row, to);
  step(session, caseId, row, to, note.trim(), {}, now);
}

/**
 * The export wrote a package: a draft becomes exported, and the evidence of this revision is
 * recorded as having left (it can never be purged). Called inside the export's transaction.
 */
export function caseExported(session: VaultSession, caseId: number, now = new Date()): void {
  const row = statusRow(session, caseId);
  session.db.run(sql`INSERT INTO exported_evidence (evidence_id, case_id, revision)
    SELECT evidence_id, case_id, ${row.revision} FROM case_evidence WHERE case_id = ${caseId} ON CONFLICT DO NOTHING`);
  if (row.status === 'draft') step(session, caseId, row, 'exported', '', {}, now);
}

/**
 * The supervisor's decision, from their countersigned package (receiveDecision verifies it, then
 * calls this inside its transaction): it must answer this case's latest export, named by its
 * tag-manifest hash. `details` (signer, statement hash) go into the audit entry.
 */
export function recordDecision(
  session: VaultSession,
  caseId: number,
  decision: 'approved' | 'returned',
  from: { tagmanifestSha256: string; file: string; comment: string; details?: Record<string, unknown> },
  now = new Date(),
): void {
  const row = statusRow(session, caseId);
  if (row.status !== 'exported') throw illegal(row, decision);
  const latest = latestExport(session, caseId);
  if (latest?.tagmanifest_sha256 !== from.tagmanifestSha256) {
    throw new JejakError(
      'OLDER_EXPORT',
      `This package answers another export (tag manifest ${from.tagmanifestSha256.slice(0, 12)}…), not the latest export of ${row.reference}.`,
    );
  }
  step(
    session,
    caseId,
    row,
    decision,
    from.comment,
    { via: 'package', file: from.file, tagmanifestSha256: from.tagmanifestSha256, ...from.details },
    now,
  );
}

export function latestExport(
  session: VaultSession,
  caseId: number,
): { id: number; file_name: string; tagmanifest_sha256: string; exported_at: string } | undefined {
  return session.db.get(
    sql`SELECT id, file_name, tagmanifest_sha256, exported_at FROM case_exports WHERE case_id = ${caseId} ORDER BY id DESC LIMIT 1`,
  );
}
