import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { readReport } from '../../common/report-json';
import { statementSha256 } from '../cases/receive-decision';
import { raw, sql } from '../db/sql';
import { JejakError } from '../errors';
import { getIdentity, vaultAgeIdentity } from '../identity/identity';
import { type OperationOptions, signedTagmanifest, verifyPackageKeeping } from '../packages';
import type { Policy } from '../policy/policy';
import { effectiveRoster } from '../trust/trust';
import { storeOriginal } from '../vault/originals';
import type { VaultSession } from '../vault/session';
import { acceptedApproval } from './accept-package';
import { type CustodyVerdict } from './custody-check';
import { judgeCustody } from './custody-of-vault';
import { mergeChannels, mergeEvidence } from './merge-items';
import { payloadReader, readCustody, readNotice, takenFromPackage } from './package-contents';
import { recordPackage } from './record-package';

export interface UnitImportOptions extends OperationOptions {
  /** the name to record (the browser harness passes bytes through a temp file) */
  fileName?: string;
  now?: Date;
}

export interface UnitImportOutcome {
  outcome: 'imported' | 'already-imported';
  packageId: number;
  fileName: string;
  reference: string;
  analyst: string;
  supervisor: string;
  vaultId: string | null;
  channels: { total: number; created: number; merged: number };
  evidence: { total: number; stored: number; duplicate: number; nearDuplicate: number };
  custody: CustodyVerdict & { otherFile: string | null };
}

/**
 * The originals, notice and custody excerpt are kept from the verifying pass up to this much in
 * all, so each is read once; files past it are read from the package again (and checked again).
 */
const KEPT_BYTES = 64 * 1024 * 1024;

/** Only a vault made for it takes packages in: an analyst's own vault would mix the unit into their catalog. */
export function requireUnitVault(session: VaultSession): void {
  if (getIdentity(session).role !== 'unit')
    throw new JejakError(
      'NOT_A_UNIT_VAULT',
      "This vault's role is not unit: approved packages are merged only in a unit catalog vault (jejak init --role unit).",
    ).because('unit.notUnitVault');
}

function alreadyImported(session: VaultSession, packageId: number): UnitImportOutcome {
  const p = session.db.get<{
    file_name: string;
    reference: string;
    analyst_name: string;
    supervisor_name: string;
    vault_id: string | null;
    custody: CustodyVerdict['status'];
    custody_detail: string;
    other: string | null;
  }>(
    sql`SELECT p.*, o.file_name AS other FROM unit_packages p LEFT JOIN unit_packages o ON o.id = p.custody_other_id WHERE p.id = ${packageId}`,
  )!;
  const count = (table: 'unit_channel_sources' | 'unit_evidence_sources') =>
    session.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(table)} WHERE package_id = ${packageId}`)!.n;
  return {
    outcome: 'already-imported',
    packageId,
    fileName: p.file_name,
    reference: p.reference,
    analyst: p.analyst_name,
    supervisor: p.supervisor_name,
    vaultId: p.vault_id,
    channels: { total: count('unit_channel_sources'), created: 0, merged: 0 },
    evidence: { total: count('unit_evidence_sources'), stored: 0, duplicate: 0, nearDuplicate: 0 },
    custody: { status: p.custody, detail: p.custody_detail, otherFile: p.other },
  };
}

/**
 * Takes one approved package into the unit catalog: verified against the unit's roster (age
 * packages open with the vault's age key), refused unless valid-trusted and approved, then its
 * originals merged (stored once per SHA-256), its channels merged (one row per canonical channel),
 * and the package, its case, statements, notice items and custody excerpt recorded with their
 * provenance, in one transaction with the audit entry. The same approval again changes nothing.
 */
export async function importUnitPackage(
  session: VaultSession,
  policy: Policy,
  file: string,
  opts: UnitImportOptions = {},
): Promise<UnitImportOutcome> {
  requireUnitVault(session);
  const fileName = opts.fileName ?? basename(file);
  const before = statSync(file, { throwIfNoEntry: false });
  const open = { ageIdentities: [vaultAgeIdentity(session)], signal: opts.signal };
  const { result, kept } = await verifyPackageKeeping(
    file,
    { roster: effectiveRoster(session, policy), tsaRoots: policy.tsaRoots, ...open, onProgress: opts.onProgress },
    { wanted: takenFromPackage, maxBytes: KEPT_BYTES },
  );
  const approval = acceptedApproval(result);
  const decisionSha256 = statementSha256(approval);
  const known = session.db.get<{ id: number }>(
    sql`SELECT id FROM unit_packages WHERE decision_sha256 = ${decisionSha256}`,
  );
  if (known) return alreadyImported(session, known.id);

  const report = readReport(result.report);
  if (!report)
    throw new JejakError('INTEGRITY', 'data/report.json is not a report this Jejak reads; nothing was taken in.');
  const read = payloadReader(file, kept, open);
  const notice = await readNotice(read);
  const custody = await readCustody(read);
  const blob = await storeOriginal(session, createReadStream(file), opts.signal);
  const evidence = await mergeEvidence(session, policy, read, report, opts.signal);
  const after = statSync(file, { throwIfNoEntry: false });
  if (!before || !after || after.size !== before.size || after.mtimeMs !== before.mtimeMs)
    throw new JejakError('INTEGRITY', 'The package changed on disk while it was being taken in; import it again.');

  const analyst = result.statements[0]!;
  const vaultId = custody.head?.vaultId ?? null;
  const now = (opts.now ?? new Date()).toISOString();
  return session.db.tx(() => {
    const verdict = judgeCustody(session.db, vaultId, analyst.signedAt, {
      label: fileName,
      head: custody.head ?? undefined,
      entries: custody.entries,
    });
    const channels = mergeChannels(session, policy, report, now);
    const packageId = recordPackage(session, {
      fileName,
      blob,
      encrypted: result.encrypted === true,
      decisionSha256,
      tagmanifestSha256: signedTagmanifest(result),
      vaultId,
      report,
      notice,
      custody,
      verdict,
      statements: result.statements,
      approval,
      channels,
      evidence,
      now,
    });
    const outcome: UnitImportOutcome = {
      outcome: 'imported',
      packageId,
      fileName,
      reference: report.case.reference,
      analyst: analyst.signer.name,
      supervisor: approval.signer.name,
      vaultId,
      channels: {
        total: channels.size,
        created: [...channels.values()].filter((c) => c.created).length,
        merged: [...channels.values()].filter((c) => !c.created).length,
      },
      evidence: {
        total: evidence.length,
        stored: evidence.filter((e) => !e.duplicate).length,
        duplicate: evidence.filter((e) => e.duplicate).length,
        nearDuplicate: evidence.filter((e) => e.nearDuplicateOf !== null).length,
      },
      custody: { status: verdict.status, detail: verdict.detail, otherFile: verdict.otherFile },
    };
    session.audit({
      action: 'unit.package-imported',
      subject: { type: 'unit-package', id: String(packageId) },
      details: {
        file: fileName,
        packageSha256: blob.sha256,
        reference: outcome.reference,
        analyst: analyst.signer.fingerprint,
        supervisor: approval.signer.fingerprint,
        vaultId,
        head: custody.head ? { seq: custody.head.seq, hash: custody.head.hash } : null,
        custody: verdict.status,
        channels: outcome.channels,
        evidence: outcome.evidence,
      },
    });
    return outcome;
  });
}
