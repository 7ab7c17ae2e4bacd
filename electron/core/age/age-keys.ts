import { JejakError } from '../errors';
import { isAgeRecipient } from './age-recipient';

export { isAgeRecipient };

/**
 * X25519 age keys: a vault's identity (AGE-SECRET-KEY-1…, kept only in the encrypted database) and
 * the recipients (age1…) packages are encrypted for. Post-quantum and plugin recipients are not
 * taken: every recipient here must open with Debian's age 1.1 and with any Jejak.
 */

const AGE_IDENTITY = /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/;

// age-encryption is loaded when a key is made or read, not by every command that opens a vault.
export async function newAgeIdentity(): Promise<string> {
  return (await import('age-encryption')).generateX25519Identity();
}

export async function recipientOf(identity: string): Promise<string> {
  return (await import('age-encryption')).identityToRecipient(identity);
}

export function checkRecipients(recipients: readonly string[]): string[] {
  const unique = [...new Set(recipients)];
  const bad = unique.find((r) => !isAgeRecipient(r));
  if (bad !== undefined)
    throw new JejakError(
      'INVALID_INPUT',
      `${JSON.stringify(bad.slice(0, 80))} is not an age X25519 recipient (age1… as age-keygen prints it).`,
    );
  return unique;
}

/**
 * The identities in an age identity file (what `age-keygen -o key.txt` writes): one
 * AGE-SECRET-KEY-1… per line, comments after #. Nothing else is accepted, so a wrong file is named.
 */
export function parseIdentityFile(text: string): string[] {
  const identities: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!AGE_IDENTITY.test(line))
      throw new JejakError(
        'INVALID_INPUT',
        'The identity file holds a line that is not an age X25519 secret key (AGE-SECRET-KEY-1…).',
      );
    identities.push(line);
  }
  if (identities.length === 0)
    throw new JejakError('INVALID_INPUT', 'The identity file holds no age secret key (AGE-SECRET-KEY-1…).');
  return identities;
}
