import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import {
  type IdentityFields,
  type MissingIdentityField,
  VAULT_ROLES,
  type VaultRole,
  missingIdentityFields,
} from '../../common/identity-rules';
import type { AuditInput } from '../audit/audit-log';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { newAgeIdentity, recipientOf } from '../age/age-keys';
import { JejakError } from '../errors';
import { fingerprintOf, keySigner, type Signer } from '../packages/signer';
import type { Role } from '../packages/bag-names';

/**
 * What identity needs of an open vault: its database, its audit log and who acts. A vault's
 * session (vault/session.ts, the layer above, which creates and opens the identity) is one.
 */
export interface IdentitySession {
  db: Db;
  audit(input: Omit<AuditInput, 'actor'>): unknown;
  actor: string;
}

export interface Identity {
  name: string;
  unit: string;
  employeeId: string;
  role: VaultRole;
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
  role: VaultRole;
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
export async function ensureIdentityKey(session: IdentitySession): Promise<void> {
  const existing = session.db.get<{ age: string | null }>(sql`SELECT age_identity AS age FROM identity WHERE id = 1`);
  if (existing?.age) return;
  const ageIdentity = await newAgeIdentity();
  const ageRecipient = await recipientOf(ageIdentity);
  session.db.tx(() => {
    if (existing) {
      session.db.run(
        sql`UPDATE identity SET age_identity = ${ageIdentity}, age_recipient = ${ageRecipient} WHERE id = 1`,
      );
      session.audit({ action: 'identity.age-key-created', details: { ageRecipient } });
      return;
    }
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const fingerprint = fingerprintOf(publicKey);
    session.db
      .run(sql`INSERT INTO identity (id, public_key_pem, private_key_pem, fingerprint, age_identity, age_recipient, created_at)
      VALUES (1, ${publicKeyPem}, ${privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()}, ${fingerprint}, ${ageIdentity}, ${ageRecipient}, ${new Date().toISOString()})`);
    session.audit({ action: 'identity.key-created', details: { fingerprint, ageRecipient } });
  });
}

function row(session: IdentitySession): IdentityRow {
  const r = session.db.get<IdentityRow>(sql`SELECT * FROM identity WHERE id = 1`);
  if (!r) throw new JejakError('INTERNAL', 'This vault has no signing key.');
  return r;
}

export function getIdentity(session: IdentitySession): Identity {
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
export function vaultAgeIdentity(session: IdentitySession): string {
  const identity = row(session).age_identity;
  if (!identity) throw new JejakError('INTERNAL', 'This vault has no age key yet; lock and unlock it once.');
  return identity;
}

export type { IdentityFields };

const WHY: Record<MissingIdentityField, string> = {
  name: 'A name is required: it is printed on every signed statement and in the audit log.',
  unit: 'A unit is required: it is printed on every signed statement.',
  employeeId: 'An employee ID is required: it tells apart two people of the same name on every signed statement.',
};

/** Who works in a new vault, checked before anything is written (electron/common/identity-rules.ts), and the role. */
export function checkNewIdentity(
  fields: IdentityFields | undefined,
  opts: { allowAnonymous?: boolean; policyUnit?: string; policyRole?: VaultRole },
): void {
  if (!fields) {
    if (opts.allowAnonymous) return;
    throw new JejakError(
      'IDENTITY_REQUIRED',
      'A new vault needs the name, unit, employee ID and role of the person who works in it; only an IT test vault (policy allowAnonymousVault) may be made without.',
    );
  }
  const missing = missingIdentityFields(fields, opts.policyUnit);
  if (missing.length > 0) throw new JejakError('IDENTITY_REQUIRED', WHY[missing[0]!], { missing });
  if (!(VAULT_ROLES as readonly string[]).includes(fields.role))
    throw new JejakError('INVALID_INPUT', 'The role is analyst, supervisor or unit.');
  checkPolicyRole(fields.role, opts.policyRole);
}

/** The machine policy's vaultRole, when it sets one, is the only role a vault here may have. */
function checkPolicyRole(role: VaultRole, policyRole: VaultRole | undefined): void {
  if (policyRole && role !== policyRole)
    throw new JejakError(
      'POLICY',
      `This machine's policy makes every vault a ${policyRole} vault; the role ${role} is not allowed here.`,
    );
}

/** The OS account stands in as actor until an identity is set; it never goes into a report. */
export function isOsAccount(actor: string): boolean {
  return actor.startsWith('os:');
}

export function setIdentity(session: IdentitySession, fields: IdentityFields, policyRole?: VaultRole): Identity {
  checkPolicyRole(fields.role, policyRole);
  if (!fields.name.trim())
    throw new JejakError('INVALID_INPUT', 'A name is required: it is printed on every signed statement.');
  session.db.tx(() => {
    session.db.run(
      sql`UPDATE identity SET name = ${fields.name.trim()}, unit = ${fields.unit.trim()}, employee_id = ${fields.employeeId.trim()}, role = ${fields.role} WHERE id = 1`,
    );
    session.audit({ action: 'identity.updated', details: { ...fields } });
  });
  session.actor = actorOf(getIdentity(session)) ?? session.actor;
  return getIdentity(session);
}

/** How the audit log names this vault's user once an identity is set. */
export function actorOf(identity: Pick<Identity, 'name' | 'employeeId'>): string | null {
  const name = identity.name.trim();
  const id = identity.employeeId.trim();
  if (!name) return null;
  return id ? `${name} (${id})` : name;
}

/** The fingerprint as people compare it: groups of four hex digits. */
export function groupedFingerprint(fingerprint: string): string {
  return fingerprint.match(/.{1,4}/g)!.join(' ');
}

/** The role a statement from this vault is signed in; a unit catalog vault signs none. */
export function signingRole(identity: Pick<Identity, 'role'>): Role {
  if (identity.role === 'unit')
    throw new JejakError(
      'INVALID_INPUT',
      'A unit catalog vault takes approved packages in; it does not sign as an analyst or a supervisor.',
    );
  return identity.role;
}

/**
 * A Signer for packages; refuses until a name and unit are set, since both go into the statement.
 * The machine policy's unit, when it names one, is the unit signed, whatever the person typed.
 */
export function vaultSigner(session: IdentitySession, policyUnit?: string): Signer {
  const r = row(session);
  const role = signingRole(r);
  const unit = policyUnit || r.unit;
  if (!r.name || !unit)
    throw new JejakError(
      'IDENTITY_REQUIRED',
      'Set your name and unit in Settings → Identity before signing a package.',
    );
  return keySigner({ name: r.name, unit, id: r.employee_id, role }, createPrivateKey(r.private_key_pem));
}
