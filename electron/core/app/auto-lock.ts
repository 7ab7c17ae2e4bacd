import { sql } from '../db/sql';
import { JejakError } from '../errors';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;
const SETTING = 'autoLockMinutes';

/** Idle minutes before the vault locks: the policy's when it fixes them, else the vault's own choice, else 10. */
export function autoLockMinutes(policy: Policy, session: VaultSession | null): number {
  if (policy.autoLockMinutes) return policy.autoLockMinutes;
  const row = session?.db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${SETTING}`);
  return row ? Number(row.value) : DEFAULT_AUTO_LOCK_MINUTES;
}

/** The vault's own auto-lock time (Settings); refused when the machine policy fixes it. */
export function setAutoLockMinutes(session: VaultSession, policy: Policy, minutes: number): void {
  if (policy.autoLockMinutes !== undefined)
    throw new JejakError('POLICY', 'The auto-lock time is fixed by the machine policy.');
  session.db.tx(() => {
    session.db.run(
      sql`INSERT INTO settings (key, value) VALUES (${SETTING}, ${String(minutes)}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    );
    session.audit({ action: 'settings.changed', details: { autoLockMinutes: minutes } });
  });
}
