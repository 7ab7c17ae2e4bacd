import { SEALED_EXTENSION } from '../../common/package-names';
import { JejakError } from '../errors';
import { getIdentity } from '../identity/identity';
import { effectiveRoster } from '../trust/trust';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';

/**
 * Who a countersigned package is encrypted for. A plain package stays plain unless recipients are
 * asked for. An encrypted one stays encrypted: for the recipients asked for, the policy's required
 * ones, this vault (so the supervisor can open what they wrote) and every signer of the package
 * whose roster entry names an age recipient (so the analyst can read the decision).
 */
export function resealRecipients(
  session: VaultSession,
  policy: Policy,
  requested: readonly string[],
  found: { encrypted: boolean; signers: readonly string[] },
): string[] {
  if (!found.encrypted && requested.length === 0) return [];
  const signers = effectiveRoster(session, policy).filter(
    (e) => found.signers.includes(e.fingerprint) && e.ageRecipient,
  );
  return [
    ...new Set([
      ...requested,
      ...(policy.exportRecipients ?? []),
      getIdentity(session).ageRecipient,
      ...signers.map((e) => e.ageRecipient as string),
    ]),
  ];
}

/**
 * How a package this vault adds to (a decision, time-stamps) chooses its recipients once the source
 * is verified: the rule above, and a destination whose name says what the file is (NAME.zip.age
 * encrypted, NAME.zip not).
 */
export function resealFor(session: VaultSession, policy: Policy, requested: readonly string[], destination: string) {
  return (found: { encrypted: boolean; signers: readonly string[] }): string[] => {
    const chosen = resealRecipients(session, policy, requested, found);
    if (chosen.length > 0 !== destination.toLowerCase().endsWith(SEALED_EXTENSION)) {
      throw new JejakError(
        'INVALID_INPUT',
        chosen.length > 0
          ? `The result is encrypted: write it as NAME${SEALED_EXTENSION}.`
          : 'The result is a plain ZIP: write it as NAME.zip.',
      );
    }
    return chosen;
  };
}
