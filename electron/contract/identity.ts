import { z } from 'zod';
import { VAULT_ROLES } from '../common/identity-rules';

export const roleSchema = z.enum(VAULT_ROLES);
/** an age recipient (`age1…`) a package can be encrypted for */
export const ageRecipientSchema = z.string().max(100);

/** Who works in a vault: printed on every signed statement and named in the audit log. */
export const identityFieldsSchema = z.object({
  name: z.string().min(1).max(200),
  unit: z.string().max(200),
  employeeId: z.string().max(100),
  role: roleSchema,
});

export const identitySchema = z.object({
  name: z.string(),
  unit: z.string(),
  employeeId: z.string(),
  role: roleSchema,
  publicKeyPem: z.string(),
  fingerprint: z.string(),
  ageRecipient: z.string(),
  createdAt: z.string(),
});

export const identityContract = {
  'identity.get': { args: z.object({}), result: identitySchema },
  'identity.set': { args: identityFieldsSchema, result: identitySchema },
} as const;
