import { SEALED_EXTENSION } from '../../common/package-names';
import { checkRecipients } from '../age/age-keys';
import { JejakError } from '../errors';
import { packageFileName } from '../packages';
import type { Policy } from '../policy/policy';

/**
 * Who an export is encrypted for: the recipients asked for plus every one the machine policy
 * requires (the unit's archive key), so no adapter can leave them out, plus the exporting vault
 * itself, so its owner can open what they sent (to review it or to ask for time-stamps). Under
 * such a policy a plain ZIP is refused. An encrypted package is NAME.zip.age and a plain one
 * NAME.zip, so the name always says which it is.
 */
export function exportRecipients(
  policy: Policy,
  requested: readonly string[],
  destination: string,
  own: string,
): string[] {
  const required = policy.exportRecipients ?? [];
  const recipients = checkRecipients([...requested, ...required]);
  const sealed = destination.toLowerCase().endsWith(SEALED_EXTENSION);
  if (required.length > 0 && !sealed) {
    throw new JejakError(
      'POLICY',
      `The machine policy requires every package to be encrypted (age) for ${required.length === 1 ? "the unit's archive key" : `${required.length} required recipients`}: export to NAME${SEALED_EXTENSION}.`,
    );
  }
  if (sealed && recipients.length === 0)
    throw new JejakError('INVALID_INPUT', `An encrypted package (${SEALED_EXTENSION}) needs at least one recipient.`);
  if (!sealed && recipients.length > 0)
    throw new JejakError(
      'INVALID_INPUT',
      `A package encrypted for recipients is written as NAME${SEALED_EXTENSION}, not .zip.`,
    );
  return sealed ? [...new Set([...recipients, own])] : [];
}

/** The file name an export proposes: NAME.zip.age when it will be encrypted (asked, or required by policy), else NAME.zip. */
export function exportFileName(policy: Policy, reference: string, requested: readonly string[]): string {
  const sealed = requested.length > 0 || (policy.exportRecipients?.length ?? 0) > 0;
  return `${packageFileName(reference)}${sealed ? '.age' : ''}`;
}
