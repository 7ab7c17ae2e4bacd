import type { Migration } from './index';

/**
 * Packages can travel age-encrypted: each vault's identity gets an X25519 age key beside its
 * Ed25519 signing key (the secret only in this encrypted database, made on the next unlock), and a
 * roster entry may name the age1… recipient its packages are encrypted for.
 */
export const ageKeys: Migration = {
  version: 7,
  name: 'age-keys',
  up: /* sql */ `
    ALTER TABLE identity ADD COLUMN age_identity TEXT;
    ALTER TABLE identity ADD COLUMN age_recipient TEXT;
    ALTER TABLE trust_roster ADD COLUMN age_recipient TEXT;
  `,
};
