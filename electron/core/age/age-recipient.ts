/**
 * Whether a string is an age X25519 recipient (age1…) that Debian's age 1.1 and any Jejak can
 * encrypt to. Browser-safe: the verifier page reads roster entries that carry one.
 */

export const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

/** BIP-173 checksum over the human-readable part and the data characters: 1 for a valid bech32 string. */
function bech32Polymod(hrp: string, data: string): number {
  const values = [...hrp].map((c) => c.charCodeAt(0) >> 5);
  values.push(0, ...[...hrp].map((c) => c.charCodeAt(0) & 31), ...[...data].map((c) => CHARSET.indexOf(c)));
  let check = 1;
  for (const v of values) {
    const top = check >>> 25;
    check = ((check & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) check ^= GENERATORS[i]!;
  }
  return check;
}

/**
 * An X25519 recipient whose checksum holds: "age" and 58 bech32 characters (a 32-byte key and the
 * 6-character checksum), as age-encryption decodes it when it encrypts. Checked here rather than
 * by loading age-encryption, which every command reading the policy would otherwise load.
 */
export function isAgeRecipient(value: string): boolean {
  return AGE_RECIPIENT.test(value) && bech32Polymod('age', value.slice(4)) === 1;
}
