import { JejakError } from '../errors';
import type { StatementInfo, VerifyResult } from '../packages';

export type Approval = StatementInfo & { decision: 'approved' };

const who = (s: StatementInfo) => `${s.signer.name} (${s.signer.fingerprint.slice(0, 16)}…)`;

/**
 * What the unit takes in: a valid-trusted package whose last statement is a supervisor's approval.
 * Anything else is refused with its verdict: invalid (INTEGRITY, exit 1), an analyst-only export
 * (NOT_A_DECISION, 1), a returned package (NOT_APPROVED, 1), any signer outside the unit's roster in
 * the role they signed in (UNTRUSTED, 3).
 */
export function acceptedApproval(result: VerifyResult): Approval {
  if (result.verdict === 'invalid') {
    const failing = result.checks.filter((c) => !c.ok);
    throw new JejakError(
      'INTEGRITY',
      `Verdict: invalid (${failing.map((c) => `${c.id}: ${c.detail}`).join('; ')}). Nothing was taken in.`,
      { verdict: result.verdict, checks: failing },
    ).because('unit.refused.invalid', { checks: failing.map((c) => c.id).join(', ') });
  }
  const last = result.statements.at(-1);
  if (!last || result.statements.length < 2 || last.role !== 'supervisor')
    throw new JejakError(
      'NOT_A_DECISION',
      `Verdict: ${result.verdict}, but the package carries only the analyst's statement: an export no supervisor has approved yet. Nothing was taken in.`,
      { verdict: result.verdict },
    ).because('unit.refused.export', { verdict: result.verdict });
  if (last.decision !== 'approved')
    throw new JejakError(
      'NOT_APPROVED',
      `Verdict: ${result.verdict}, but the last statement is ${who(last)}'s "${last.decision}": the unit takes in approved packages only. Nothing was taken in.`,
      { verdict: result.verdict, decision: last.decision },
    ).because('unit.refused.returned', { verdict: result.verdict, signer: who(last) });
  if (result.verdict !== 'valid-trusted') {
    const outside = result.statements.filter((s) => !s.trusted).map((s) => `${who(s)} as ${s.role}`);
    throw new JejakError(
      'UNTRUSTED',
      `Verdict: valid-untrusted. Not in this unit's trust roster: ${outside.join(', ')}. Nothing was taken in; import their roster entries (jejak trust import) and try again.`,
      { verdict: result.verdict, trustDetail: result.trustDetail },
    ).because('unit.refused.untrusted', { signers: outside.join(', ') });
  }
  return last as Approval;
}
