import { type DecisionRequest, decisionProblems, problemsText, statementComment } from '../../common/decision-rules';
import { JejakError } from '../errors';
import { vaultAgeIdentity, vaultSigner } from '../identity/identity';
import {
  type CountersignOptions,
  type CountersignResult,
  type VerifyResult,
  countersignPackage,
  signedTagmanifest,
} from '../packages';
import { requireExportFolder } from '../policy/export-folders';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { resealFor } from './reseal';
import { payloadList } from './review-registry';

export const EVIDENCE_PREFIX = 'data/evidence/';

/** The evidence files of a verified package: what "every item reviewed" counts. */
export function evidenceFiles(result: VerifyResult): string[] {
  return payloadList(result)
    .map((p) => p.file)
    .filter((f) => f.startsWith(EVIDENCE_PREFIX));
}

/** Refuses, before anything is written, a decision on an invalid package or one signing breaks the rules for. */
export function checkDecision(result: VerifyResult, request: DecisionRequest): string[] {
  if (result.verdict === 'invalid')
    throw new JejakError(
      'INTEGRITY',
      'An invalid package cannot be approved or returned; ask the analyst for a new export.',
    );
  const files = evidenceFiles(result);
  const problems = decisionProblems(request, files);
  if (problems.length > 0)
    throw new JejakError('REVIEW_INCOMPLETE', `Nothing was signed: ${problemsText(problems)}.`, { problems });
  return files;
}

export interface DecideOptions extends Pick<CountersignOptions, 'signal' | 'onProgress' | 'now'> {
  /** age1… recipients asked for the result, beyond those the reseal rule adds */
  recipients?: readonly string[];
}

export interface DecisionOutcome extends CountersignResult {
  tagmanifestSha256: string;
  reviewed: number;
  total: number;
}

/**
 * A supervisor's decision, signed deliberately: an approval has every evidence item marked (ok,
 * or problem with a comment) or says in writing why it was approved without item review; a
 * return says what to fix (a comment or a problem item). Refused with REVIEW_INCOMPLETE before
 * anything is written. `source` is the package as it was verified when opened. This vault's age
 * key opens an encrypted package, and an encrypted package stays encrypted (see reseal.ts).
 */
export async function decidePackage(
  session: VaultSession,
  policy: Policy,
  source: { path: string; result: VerifyResult },
  destination: string,
  request: DecisionRequest,
  opts: DecideOptions = {},
): Promise<DecisionOutcome> {
  requireExportFolder(policy, destination);
  const files = checkDecision(source.result, request);
  const items = request.items.map((i) => ({ file: i.file, verdict: i.verdict, comment: i.comment.trim() }));
  const { recipients = [], ...rest } = opts;
  const signed = await countersignPackage(
    source.path,
    destination,
    {
      signer: vaultSigner(session, policy.unitName),
      decision: request.decision,
      comment: statementComment(request),
      items,
    },
    {
      ...rest,
      ageIdentities: [vaultAgeIdentity(session)],
      encryptFor: resealFor(session, policy, recipients, destination),
    },
  );
  const reviewed = files.filter((f) => items.some((i) => i.file === f)).length;
  const tagmanifestSha256 = signedTagmanifest(source.result);
  session.audit({
    action: `review.${request.decision}`,
    subject: { type: 'package', id: source.result.bagInfo?.['External-Identifier'] ?? signed.name },
    details: {
      file: signed.path,
      statement: signed.statementFile,
      covers: signed.covers,
      tagmanifestSha256,
      reviewed,
      total: files.length,
      problems: items.filter((i) => i.verdict === 'problem').length,
      withoutItemReview: Boolean(request.withoutItemReview),
      recipients: signed.recipients,
    },
  });
  return { ...signed, tagmanifestSha256, reviewed, total: files.length };
}
