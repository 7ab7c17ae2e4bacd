import { Encrypter } from 'age-encryption';

/**
 * Whether a string is an age X25519 recipient (age1…) that Debian's age 1.1 and any Jejak can
 * encrypt to. Browser-safe: the verifier page reads roster entries that carry one.
 */

export const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

/** An X25519 recipient whose checksum holds; age-encryption decodes it the way it will encrypt to it. */
export function isAgeRecipient(value: string): boolean {
  if (!AGE_RECIPIENT.test(value)) return false;
  try {
    new Encrypter().addRecipient(value);
    return true;
  } catch {
    return false;
  }
}
