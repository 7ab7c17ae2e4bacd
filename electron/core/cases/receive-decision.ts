import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { getIdentity, vaultAgeIdentity } from '../identity/identity';
import { effectiveRoster } from '../trust/trust';
import {
  type OperationOptions,
  type StatementInfo,
  type VerifyResult,
  signedTagmanifest,
  verifyPackage,
} from '../packages';
import type { Policy } from '../policy/policy';
import { storeOriginal } from '../vault/originals';
import type { VaultSession } from '../vault/session';
import { type CaseStatus, latestExport, recordDecision } from './case-status';
import type { DecisionItem } from './case-decisions';
import { getCase } from './cases';
import { readReport } from '../../common/report-json';

export interface ReceiveOptions extends OperationOptions {
  /** the case the package was given to (dropped on); without it the package names its case */
  caseId?: number;
  /** the name to record (the browser harness passes bytes through a temp file) */
  fileName?: string;
  now?: Date;
}

export interface ReceiveOutcome {
  outcome: 'received' | 'already-received';
  caseId: number;
  reference: string;
  status: CaseStatus;
  decision: 'approved' | 'returned';
  signer: { name: string; unit: string; fingerprint: string };
  comment: string;
  /** items the supervisor marked "problem" */
  problems: number;
}

const fp16 = (s: StatementInfo) => `${s.signer.name} (${s.signer.fingerprint.slice(0, 16)}…)`;

/** The last statement, when it is a supervisor's decision; a package with only the analyst's is no answer. */
function decisionStatement(result: VerifyResult): StatementInfo & { decision: 'approved' | 'returned' } {
  const last = result.statements.at(-1);
  if (
    result.statements.length < 2 ||
    !last ||
    last.role !== 'supervisor' ||
    (last.decision !== 'approved' && last.decision !== 'returned')
  ) {
    throw new JejakError(
      'NOT_A_DECISION',
      "This package carries no supervisor decision, only the analyst's own statement: it is an export, not the answer to one.",
    );
  }
  return last as StatementInfo & { decision: 'approved' | 'returned' };
}

/** The statement file's SHA-256: format 2 allows one spelling, so the parsed statement gives back its bytes. */
export function statementSha256(s: StatementInfo): string {
  return createHash('sha256')
    .update(`${JSON.stringify(s.raw, null, 2)}\n`)
    .digest('hex');
}

/** The review's bag paths mapped back to this case's items through the package's own report.json. */
function mapItems(
  session: VaultSession,
  caseId: number,
  report: unknown,
  review: StatementInfo['review'],
): DecisionItem[] {
  const reported = readReport(report)?.evidence ?? [];
  return (review ?? []).map((item) => {
    const facts = reported.find((e) => e.file === item.file);
    const sha256 = facts?.sha256 ?? null;
    const channelUrl = facts?.channelUrl ?? null;
    const evidence = sha256
      ? session.db.get<{ id: number }>(sql`SELECT id FROM evidence WHERE sha256 = ${sha256}`)
      : undefined;
    const channel = channelUrl
      ? session.db.get<{ id: number }>(
          sql`SELECT c.id FROM channels c JOIN case_channels cc ON cc.channel_id = c.id AND cc.case_id = ${caseId} WHERE c.canonical_url = ${channelUrl}`,
        )
      : undefined;
    return {
      file: item.file,
      verdict: item.verdict,
      comment: item.comment,
      evidenceId: evidence?.id ?? null,
      channelId: channel?.id ?? null,
    };
  });
}

/**
 * The supervisor's countersigned package comes back to the analyst's vault: verified whole against
 * the vault's effective roster, matched to THIS vault's latest export of the case (statement 1 is
 * this vault's key, the tag-manifest hash is that export's), kept in the vault as an encrypted blob,
 * and the case moves to approved or returned with the comments per item. A decision signed by
 * anyone outside the roster as supervisor is refused (UNTRUSTED): accepting it would let anyone
 * with a second key "approve". The same decision received again changes nothing.
 */
export async function receiveDecision(
  session: VaultSession,
  policy: Policy,
  zipPath: string,
  opts: ReceiveOptions = {},
): Promise<ReceiveOutcome> {
  const fileName = opts.fileName ?? basename(zipPath);
  const before = statSync(zipPath, { throwIfNoEntry: false });
  // An encrypted decision (NAME.zip.age) opens with this vault's age key and is kept as it came.
  const result = await verifyPackage(zipPath, {
    roster: effectiveRoster(session, policy),
    tsaRoots: policy.tsaRoots,
    ageIdentities: [vaultAgeIdentity(session)],
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
  if (result.verdict === 'invalid') {
    const failing = result.checks.filter((c) => !c.ok);
    throw new JejakError(
      'INTEGRITY',
      `The package is invalid (${failing.map((c) => `${c.id}: ${c.detail}`).join('; ')}); nothing was recorded.`,
      { verdict: result.verdict, checks: failing },
    );
  }
  const decision = decisionStatement(result);
  const analyst = result.statements[0]!;
  if (analyst.signer.fingerprint !== getIdentity(session).fingerprint) {
    throw new JejakError(
      'OTHER_VAULT',
      `This package was exported from another vault (signed by ${fp16(analyst)}); only the vault that exported a package can receive the decision on it.`,
    );
  }
  const tagmanifest = signedTagmanifest(result);
  const exported = session.db.get<{
    id: number;
    case_id: number;
    file_name: string;
    exported_at: string;
    reference: string;
  }>(
    sql`SELECT x.id, x.case_id, x.file_name, x.exported_at, k.reference FROM case_exports x JOIN cases k ON k.id = x.case_id WHERE x.tagmanifest_sha256 = ${tagmanifest}`,
  );
  if (!exported)
    throw new JejakError(
      'OTHER_VAULT',
      `No case in this vault exported this package (tag manifest ${tagmanifest.slice(0, 12)}…).`,
    );
  if (opts.caseId !== undefined && exported.case_id !== opts.caseId) {
    throw new JejakError(
      'OTHER_CASE',
      `This package is the decision on ${exported.reference}, not on ${getCase(session, opts.caseId).reference}.`,
    );
  }
  const outcome = (kind: ReceiveOutcome['outcome']): ReceiveOutcome => {
    const kase = getCase(session, exported.case_id);
    const { name, unit, fingerprint } = decision.signer;
    const problems = (decision.review ?? []).filter((i) => i.verdict === 'problem').length;
    return {
      outcome: kind,
      caseId: kase.id,
      reference: kase.reference,
      status: kase.status,
      decision: decision.decision,
      signer: { name, unit, fingerprint },
      comment: decision.comment,
      problems,
    };
  };
  const sha = statementSha256(decision);
  if (session.db.get(sql`SELECT 1 FROM case_decisions WHERE statement_sha256 = ${sha}`))
    return outcome('already-received');

  const latest = latestExport(session, exported.case_id)!;
  if (latest.id !== exported.id) {
    throw new JejakError(
      'OLDER_EXPORT',
      `This package answers an earlier export of ${exported.reference} (${exported.file_name}, ${exported.exported_at}); only a decision on the latest export, ${latest.file_name}, can be received.`,
    );
  }
  if (!decision.trusted) {
    throw new JejakError(
      'UNTRUSTED',
      `The decision is signed by ${fp16(decision)}, who is not in this vault's trust roster as a supervisor; nothing was recorded. Add their roster entry (Settings → Trust, or jejak trust import) and receive the package again.`,
    );
  }
  const kase = getCase(session, exported.case_id);
  if (kase.status !== 'exported') {
    throw new JejakError(
      'ILLEGAL_STEP',
      `Case ${kase.reference} is ${kase.status}: a decision on its latest export was already recorded, so this one (${decision.decision} by ${decision.signer.name}) is not taken.`,
    );
  }
  const items = mapItems(session, kase.id, result.report, decision.review);
  const blob = await storeOriginal(session, createReadStream(zipPath), opts.signal);
  const after = statSync(zipPath, { throwIfNoEntry: false });
  if (!before || !after || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
    throw new JejakError(
      'INTEGRITY',
      'The package changed on disk while it was being received; nothing was recorded. Receive it again.',
    );
  }
  const now = opts.now ?? new Date();
  session.db.tx(() => {
    const { name, unit, fingerprint } = decision.signer;
    const id = Number(
      session.db
        .run(sql`INSERT INTO case_decisions (case_id, revision, decision, comment, signer_name, signer_unit, signer_fingerprint, signed_at, statement_sha256,
          tagmanifest_sha256, file_name, blob_name, package_sha256, bytes, received_at, received_by)
        VALUES (${kase.id}, ${kase.revision}, ${decision.decision}, ${decision.comment}, ${name}, ${unit}, ${fingerprint}, ${decision.signedAt}, ${sha},
          ${tagmanifest}, ${fileName}, ${blob.name}, ${blob.sha256}, ${blob.size}, ${now.toISOString()}, ${session.actor})`)
        .lastInsertRowid,
    );
    for (const i of items) {
      session.db.run(sql`INSERT INTO case_decision_items (decision_id, file, verdict, comment, evidence_id, channel_id)
        VALUES (${id}, ${i.file}, ${i.verdict}, ${i.comment}, ${i.evidenceId}, ${i.channelId}) ON CONFLICT DO NOTHING`);
    }
    recordDecision(
      session,
      kase.id,
      decision.decision,
      {
        tagmanifestSha256: tagmanifest,
        file: fileName,
        comment: decision.comment,
        details: {
          signer: { name, fingerprint },
          statementSha256: sha,
          packageSha256: blob.sha256,
          problems: items.filter((i) => i.verdict === 'problem').length,
        },
      },
      now,
    );
  });
  return outcome('received');
}
