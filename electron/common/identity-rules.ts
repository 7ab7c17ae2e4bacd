/**
 * What a new vault needs to know of the person who works in it: every signed statement carries the
 * name, unit (the policy's unit stands in for an empty one) and employee ID. The core refuses a
 * vault without them (electron/core/identity/identity.ts); the window says what is missing.
 */
/** A unit vault takes approved packages in from many analysts and signs none itself. */
export const VAULT_ROLES = ['analyst', 'supervisor', 'unit'] as const;
export type VaultRole = (typeof VAULT_ROLES)[number];

export interface IdentityFields {
  name: string;
  unit: string;
  employeeId: string;
  role: VaultRole;
}

export type MissingIdentityField = 'name' | 'unit' | 'employeeId';

export function missingIdentityFields(fields: IdentityFields, policyUnit?: string | null): MissingIdentityField[] {
  const missing: MissingIdentityField[] = [];
  if (!fields.name.trim()) missing.push('name');
  if (!fields.unit.trim() && !policyUnit?.trim()) missing.push('unit');
  if (!fields.employeeId.trim()) missing.push('employeeId');
  return missing;
}
