import { sql } from '../db/sql';
import { JejakError } from '../errors';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { requireDraft } from './case-status';
import { DEFAULT_DUE_HOURS, type CaseDetail, getCase } from './cases';

/** Undo while it is cheap: a draft's fields and items can change, and a draft never sent can go. */
export interface CasePatch {
  title?: string;
  legalBasis?: string;
  priority?: 'urgent' | 'normal';
  notes?: string;
}

/** A new priority moves the due time: creation time plus the policy's hours for that priority. */
export function updateDraftCase(session: VaultSession, policy: Policy, caseId: number, patch: CasePatch): CaseDetail {
  requireDraft(session, caseId);
  const before = getCase(session, caseId);
  if (patch.title !== undefined && !patch.title.trim()) throw new JejakError('INVALID_INPUT', 'A case needs a title.');
  const changed: Record<string, unknown> = {};
  const db = session.db;
  session.db.tx(() => {
    if (patch.title !== undefined && patch.title.trim() !== before.title) {
      changed.title = patch.title.trim();
      db.run(sql`UPDATE cases SET title = ${patch.title.trim()} WHERE id = ${caseId}`);
    }
    if (patch.legalBasis !== undefined && patch.legalBasis !== before.legalBasis) {
      changed.legalBasis = patch.legalBasis;
      db.run(sql`UPDATE cases SET legal_basis = ${patch.legalBasis} WHERE id = ${caseId}`);
    }
    if (patch.notes !== undefined && patch.notes !== before.notes) {
      changed.notes = patch.notes;
      db.run(sql`UPDATE cases SET notes = ${patch.notes} WHERE id = ${caseId}`);
    }
    if (patch.priority !== undefined && patch.priority !== before.priority) {
      const hours = (policy.dueHours ?? DEFAULT_DUE_HOURS)[patch.priority];
      const dueAt = new Date(Date.parse(before.createdAt) + hours * 3_600_000).toISOString();
      Object.assign(changed, { priority: patch.priority, dueAt });
      db.run(sql`UPDATE cases SET priority = ${patch.priority}, due_at = ${dueAt} WHERE id = ${caseId}`);
    }
    if (Object.keys(changed).length === 0) return;
    db.run(sql`UPDATE cases SET updated_at = ${new Date().toISOString()} WHERE id = ${caseId}`);
    session.audit({
      action: 'case.updated',
      subject: { type: 'case', id: String(caseId) },
      details: { reference: before.reference, changed },
    });
  });
  return getCase(session, caseId);
}

/** Takes channels and evidence out of a draft (the catalog keeps them). */
export function removeItems(
  session: VaultSession,
  caseId: number,
  channelIds: number[],
  evidenceIds: number[],
): CaseDetail {
  const { reference } = requireDraft(session, caseId);
  session.db.tx(() => {
    const removed = { channelIds: [] as number[], evidenceIds: [] as number[] };
    for (const id of channelIds) {
      if (session.db.run(sql`DELETE FROM case_channels WHERE case_id = ${caseId} AND channel_id = ${id}`).changes > 0)
        removed.channelIds.push(id);
    }
    for (const id of evidenceIds) {
      if (session.db.run(sql`DELETE FROM case_evidence WHERE case_id = ${caseId} AND evidence_id = ${id}`).changes > 0)
        removed.evidenceIds.push(id);
    }
    const missing = [
      ...channelIds.filter((id) => !removed.channelIds.includes(id)).map((id) => `channel #${id}`),
      ...evidenceIds.filter((id) => !removed.evidenceIds.includes(id)).map((id) => `evidence #${id}`),
    ];
    if (missing.length > 0)
      throw new JejakError('NOT_FOUND', `Case ${reference} does not hold ${missing.join(', ')}; nothing was removed.`);
    if (removed.channelIds.length + removed.evidenceIds.length > 0) {
      session.audit({
        action: 'case.items-removed',
        subject: { type: 'case', id: String(caseId) },
        details: { reference, ...removed },
      });
    }
  });
  return getCase(session, caseId);
}

/**
 * Deletes a draft that never left the vault. Its reference is retired, never given out again, and
 * the audit log keeps the deletion with the reference. A case with an export (any revision) stays.
 */
export function deleteCase(session: VaultSession, caseId: number, now = new Date()): { reference: string } {
  requireDraft(session, caseId);
  const kase = getCase(session, caseId);
  if (kase.exports.length > 0) {
    throw new JejakError(
      'INVALID_INPUT',
      `Case ${kase.reference} was exported before (${kase.exports.map((e) => e.fileName).join(', ')}); its record stays. Only a case never exported can be deleted.`,
    );
  }
  session.db.tx(() => {
    session.db.run(
      sql`INSERT INTO retired_references (reference, case_id, title, retired_at, retired_by) VALUES (${kase.reference}, ${caseId}, ${kase.title}, ${now.toISOString()}, ${session.actor})`,
    );
    session.db.run(sql`DELETE FROM cases WHERE id = ${caseId}`);
    session.audit({
      action: 'case.deleted',
      subject: { type: 'case', id: String(caseId) },
      details: {
        reference: kase.reference,
        title: kase.title,
        channelIds: kase.channelIds,
        evidenceIds: kase.evidenceIds,
      },
    });
  });
  return { reference: kase.reference };
}
