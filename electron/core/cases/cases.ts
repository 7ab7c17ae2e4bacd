import { requireIncluded } from '../catalog/exclusion';
import { type SeenBefore, seenBefore } from './seen-before';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { overdueItemsByCase } from '../outcomes/overdue-items';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { type ReceivedDecision, caseDecisions } from './case-decisions';
import { type CaseStatus, allowedNext, isOpenStatus, requireDraft } from './case-status';
import { DEFAULT_REFERENCE_PATTERN, nextReference } from './reference';

export const DEFAULT_DUE_HOURS = { urgent: 4, normal: 24 };
export const DEFAULT_LEGAL_BASIS_PRESETS = [
  'UU No. 5 Tahun 2018 tentang Pemberantasan Tindak Pidana Terorisme',
  'UU No. 1 Tahun 2024 tentang Perubahan Kedua atas UU No. 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik (ITE)',
  'PP No. 71 Tahun 2019 tentang Penyelenggaraan Sistem dan Transaksi Elektronik',
  'Permenkominfo No. 5 Tahun 2020 tentang Penyelenggara Sistem Elektronik Lingkup Privat',
];

export interface CaseSummary {
  id: number;
  reference: string;
  title: string;
  platform: string;
  priority: 'urgent' | 'normal';
  dueAt: string;
  status: CaseStatus;
  /** 1 for the first draft; each return makes a new one (reference suffix -r2, -r3…) */
  revision: number;
  /** sent and not yet acted on by the platform (exported until actioned or rejected) */
  open: boolean;
  overdue: boolean;
  /** items of its latest notice past the deadline without a final outcome (core/outcomes) */
  overdueItems: number;
  createdAt: string;
  channelCount: number;
  evidenceCount: number;
}

export interface CaseDetail extends CaseSummary {
  legalBasis: string;
  notes: string;
  createdBy: string;
  /** the steps a person can record next (setCaseStatus); the export makes a draft exported */
  allowedNext: CaseStatus[];
  channelIds: number[];
  evidenceIds: number[];
  history: Array<{ status: string; at: string; actor: string; note: string }>;
  exports: Array<{ fileName: string; tagmanifestSha256: string; bytes: number; exportedAt: string }>;
  /** the supervisor's decisions received for this case, newest first */
  decisions: ReceivedDecision[];
  /** its items already in other exported cases */
  seenBefore: SeenBefore[];
}

interface CaseRow {
  id: number;
  reference: string;
  title: string;
  platform: string;
  priority: 'urgent' | 'normal';
  due_at: string;
  legal_basis: string;
  notes: string;
  status: CaseStatus;
  revision: number;
  created_at: string;
  created_by: string;
  channel_count: number;
  evidence_count: number;
}

const SELECT = sql`SELECT k.*, (SELECT count(*) FROM case_channels WHERE case_id = k.id) AS channel_count, (SELECT count(*) FROM case_evidence WHERE case_id = k.id) AS evidence_count FROM cases k`;

function summary(r: CaseRow, now: Date, overdueItems: ReadonlyMap<number, number>): CaseSummary {
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    platform: r.platform,
    priority: r.priority,
    dueAt: r.due_at,
    status: r.status,
    revision: r.revision,
    open: isOpenStatus(r.status),
    overdue: isOpenStatus(r.status) && Date.parse(r.due_at) < now.getTime(),
    overdueItems: overdueItems.get(r.id) ?? 0,
    createdAt: r.created_at,
    channelCount: r.channel_count,
    evidenceCount: r.evidence_count,
  };
}

/** Past every case and every deleted one: an audit entry's subject names one case forever. */
const NEXT_CASE_ID = sql`(SELECT max(n) + 1 FROM (SELECT coalesce(max(id), 0) AS n FROM cases UNION ALL SELECT coalesce(max(case_id), 0) FROM retired_references))`;

/** A case by its reference; the reference of an earlier revision (without -rN, or an older -rN) finds it too. */
export function caseIdOf(session: VaultSession, reference: string): number {
  const suffix = /-r(\d+)$/.exec(reference);
  const [base, revision] = suffix ? [reference.slice(0, suffix.index), Number(suffix[1])] : [reference, 1];
  const found = session.db.get<{ id: number }>(
    sql`SELECT id FROM cases WHERE reference = ${reference} OR (revision > 1 AND revision >= ${revision} AND reference = ${base} || '-r' || revision)`,
  );
  if (found) return found.id;
  const retired = session.db.get<{ retired_at: string }>(
    sql`SELECT retired_at FROM retired_references WHERE reference = ${reference}`,
  );
  throw new JejakError(
    'NOT_FOUND',
    retired ? `Case ${reference} was deleted on ${retired.retired_at}.` : `No case ${reference}.`,
  );
}

export function getCase(session: VaultSession, id: number, now = new Date()): CaseDetail {
  const db = session.db;
  const r = db.get<CaseRow>(sql`${SELECT} WHERE k.id = ${id}`);
  if (!r) throw new JejakError('NOT_FOUND', `No case ${id}.`);
  return {
    ...summary(r, now, overdueItemsByCase(db, now, id)),
    legalBasis: r.legal_basis,
    notes: r.notes,
    createdBy: r.created_by,
    allowedNext: allowedNext(r.status),
    channelIds: db.column<number>(sql`SELECT channel_id FROM case_channels WHERE case_id = ${id} ORDER BY channel_id`),
    evidenceIds: db.column<number>(
      sql`SELECT evidence_id FROM case_evidence WHERE case_id = ${id} ORDER BY evidence_id`,
    ),
    history: db.all(sql`SELECT status, at, actor, note FROM case_status_history WHERE case_id = ${id} ORDER BY id`),
    exports: db
      .all<{ file_name: string; tagmanifest_sha256: string; bytes: number; exported_at: string }>(
        sql`SELECT * FROM case_exports WHERE case_id = ${id} ORDER BY id`,
      )
      .map((e) => ({
        fileName: e.file_name,
        tagmanifestSha256: e.tagmanifest_sha256,
        bytes: e.bytes,
        exportedAt: e.exported_at,
      })),
    decisions: caseDecisions(session, id),
    seenBefore: seenBefore(db, id),
  };
}

export function listCases(session: VaultSession, now = new Date()): CaseSummary[] {
  const overdueItems = overdueItemsByCase(session.db, now);
  return session.db
    .all<CaseRow>(sql`${SELECT} ORDER BY k.created_at DESC, k.id DESC`)
    .map((r) => summary(r, now, overdueItems));
}

export interface CaseInput {
  title: string;
  platform: string;
  priority?: 'urgent' | 'normal';
  legalBasis?: string;
  notes?: string;
  channelIds?: number[];
  evidenceIds?: number[];
}

export function createCase(session: VaultSession, policy: Policy, input: CaseInput, now = new Date()): CaseDetail {
  if (!input.title.trim()) throw new JejakError('INVALID_INPUT', 'A case needs a title.');
  const priority = input.priority ?? 'normal';
  const hours = (policy.dueHours ?? DEFAULT_DUE_HOURS)[priority];
  const dueAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
  const id = session.db.tx(() => {
    const reference = nextReference(session.db, policy.referencePattern ?? DEFAULT_REFERENCE_PATTERN, now);
    const at = now.toISOString();
    const caseId = Number(
      session.db
        .run(sql`INSERT INTO cases (id, reference, title, platform, priority, due_at, legal_basis, notes, status, created_at, created_by, updated_at)
        VALUES (${NEXT_CASE_ID}, ${reference}, ${input.title.trim()}, ${input.platform}, ${priority}, ${dueAt}, ${input.legalBasis ?? ''}, ${input.notes ?? ''}, 'draft', ${at}, ${session.actor}, ${at})`)
        .lastInsertRowid,
    );
    session.db.run(
      sql`INSERT INTO case_status_history (case_id, status, at, actor) VALUES (${caseId}, 'draft', ${at}, ${session.actor})`,
    );
    session.audit({
      action: 'case.created',
      subject: { type: 'case', id: String(caseId) },
      details: { reference, title: input.title, platform: input.platform, priority, dueAt },
    });
    addItems(session, caseId, input.channelIds ?? [], input.evidenceIds ?? []);
    return caseId;
  });
  return getCase(session, id, now);
}

/** Adds channels and evidence to a draft; once exported, a case's content is what was signed. Excluded items are refused. */
export function addItems(session: VaultSession, caseId: number, channelIds: number[], evidenceIds: number[]): void {
  requireDraft(session, caseId);
  session.db.tx(() => {
    for (const id of channelIds) {
      requireIncluded(session.db, 'channel', id);
      session.db.run(
        sql`INSERT INTO case_channels (case_id, channel_id) VALUES (${caseId}, ${id}) ON CONFLICT DO NOTHING`,
      );
    }
    for (const id of evidenceIds) {
      requireIncluded(session.db, 'evidence', id);
      session.db.run(
        sql`INSERT INTO case_evidence (case_id, evidence_id) VALUES (${caseId}, ${id}) ON CONFLICT DO NOTHING`,
      );
    }
    if (channelIds.length || evidenceIds.length)
      session.audit({
        action: 'case.items-added',
        subject: { type: 'case', id: String(caseId) },
        details: { channelIds, evidenceIds },
      });
  });
}

export function overdueCount(session: VaultSession, now = new Date()): number {
  return listCases(session, now).filter((c) => c.overdue).length;
}
