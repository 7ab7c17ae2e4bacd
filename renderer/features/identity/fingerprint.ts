/** The fingerprint as people compare it aloud or on paper: groups of four hex digits. */
export function groupFingerprint(fingerprint: string): string {
  return (fingerprint.toLowerCase().match(/.{1,4}/g) ?? []).join(' ');
}

/** A file name for a public key that says whose it is and stays safe on every file system. */
export function publicKeyFileName(name: string, fingerprint: string): string {
  const who = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return `${who || 'jejak'}-${fingerprint.slice(0, 16)}.pem`;
}

/** This vault's entry for another vault's trust roster, in the format trust.import reads, with the age key packages for it are encrypted to. */
export function rosterEntryJson(identity: {
  fingerprint: string;
  name: string;
  unit: string;
  role: string;
  ageRecipient?: string;
}): string {
  const { fingerprint, name, unit, role, ageRecipient } = identity;
  return `${JSON.stringify([{ fingerprint, name, unit, role, ...(ageRecipient ? { ageRecipient } : {}) }], null, 2)}\n`;
}
