import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so a code read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 8;
const GROUP_LENGTH = 4;

/** 160 random bits as eight groups of four characters, e.g. "7K3M-…". */
export function newRecoveryCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i++) groups.push(out.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH));
  return groups.join('-');
}

/** Accepts the code however it was typed: any case, spaces or dashes, O for 0, I/L for 1. */
export function normalizeRecoveryCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== GROUPS * GROUP_LENGTH) return null;
  if (![...cleaned].every((c) => ALPHABET.includes(c))) return null;
  return cleaned.match(/.{4}/g)!.join('-');
}
