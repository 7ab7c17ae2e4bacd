import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { sql } from '../db/sql';
import { newAgeIdentity, recipientOf } from '../age/age-keys';
import { JejakError } from '../errors';
import { fingerprintOf, keySigner, type Signer } from '../packages';
import type { VaultSession } from '../vault/session';

export interface Identity {
  name: string;
  unit: string;
  employeeId: string;
  role: 'analyst' | 'supervisor';
  publicKeyPem: string;
  fingerprint: string;
  /** the age1… recipient packages for this vault are encrypted to */
  ageRecipient: string;
  createdAt: string;
}

interface IdentityRow {
  name: string;
  unit: string;
  employee_id: string;
  role: 'analyst' | 'supervisor';
  public_key_pem: string;
  private_key_pem: string;
  fingerprint: string;
  age_identity: string | null;
  age_recipient: string | null;
  created_at: string;
}

/**
 * Every vault gets its Ed25519 signing key and its X25519 age key when it is created (a vault made
 * before age keys gets one on its next unlock); the private keys live only in the encrypted database.
 */
export async function ensureIdentityKey(session: VaultSession): Promise<void> {
  const existing = session.db.get<{ age: string | null }>(sql`SELECT age_identity AS age FROM identity WHERE id = 1`);
  if (existing?.age) return;
  const ageIdentity = await newAgeIdentity();
  const ageRecipient = await recipientOf(ageIdentity);
  session.db.tx(() => {
    if (existing) {
      session.db.run(sql`UPDATE identity SET age_identity = ${ageIdentity}, age_recipient = ${ageRecipient} WHERE id = 1`);
      session.audit({ action: 'identity.age-key-created', details: { ageRecipient } });
      return;
    }
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const fingerprint = fingerprintOf(publicKey);
    session.db.run(sql`INSERT INTO identity (id, public_key_pem, private_key_pem, fingerprint, age_identity, age_recipient, created_at)
      VALUES (1, ${publicKeyPem}, ${privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()}, ${fingerprint}, ${ageIdentity}, ${ageRecipient}, ${new Date().toISOString()})`);
    session.audit({ action: 'identity.key-created', details: { fingerprint, ageRecipient } });
  });
}

function row(session: VaultSession): IdentityRow {
  const r = session.db.get<IdentityRow>(sql`SELECT * FROM identity WHERE id = 1`);
  if (!r) throw new JejakError('INTERNAL', 'This vault has no signing key.');
  return r;
}

export function getIdentity(session: VaultSession): Identity {
  const r = row(session);
  return {
    name: r.name,
    unit: r.unit,
    employeeId: r.employee_id,
    role: r.role,
    publicKeyPem: r.public_key_pem,
    fingerprint: r.fingerprint,
    ageRecipient: r.age_recipient ?? '',
    createdAt: r.created_at,
  };
}

/** This vault's age identity (AGE-SECRET-KEY-1…), to open packages encrypted for it. */
export function vaultAgeIdentity(session: VaultSession): string {
  const identity = row(session).age_identity;
  if (!identity) throw new JejakError('INTERNAL', 'This vault has no age key yet; lock and unlock it once.');
  return identity;
}

export function setIdentity(session: VaultSession, fields: { name: string; unit: string; employeeId: string; role: 'analyst' | 'supervisor' }): Identity {
  if (!fields.name.trim()) throw new JejakError('INVALID_INPUT', 'A name is required: it is printed on every signed statement.');
  session.db.tx(() => {
    session.db.run(sql`UPDATE identity SET name = ${fields.name.trim()}, unit = ${fields.unit.trim()}, employee_id = ${fields.employeeId.trim()}, role = ${fields.role} WHERE id = 1`);
    session.audit({ action: 'identity.updated', details: { ...fields } });
  });
  session.actor = actorOf(getIdentity(session)) ?? session.actor;
  return getIdentity(session);
}

/** How the audit log names this vault's user once an identity is set. */
export function actorOf(identity: Identity): string | null {
  if (!identity.name) return null;
  return identity.employeeId ? `${identity.name} (${identity.employeeId})` : identity.name;
}

/** The fingerprint as people compare it: groups of four hex digits. */
export function groupedFingerprint(fingerprint: string): string {
  return fingerprint.match(/.{1,4}/g)!.join(' ');
}

/** A Signer for packages; refuses until a name and unit are set, since both go into the statement. */
export function vaultSigner(session: VaultSession, unitFallback?: string): Signer {
  const r = row(session);
  const unit = r.unit || unitFallback || '';
  if (!r.name || !unit) throw new JejakError('INVALID_INPUT', 'Set your name and unit in Settings → Identity before signing a package.');
  return keySigner({ name: r.name, unit, id: r.employee_id, role: r.role }, createPrivateKey(r.private_key_pem));
}
