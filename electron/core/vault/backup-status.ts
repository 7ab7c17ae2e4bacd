import { existsSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { isInside } from '../fs-paths';

/** The last backup that was written and read back whole, in a settings row of the live vault. */
const LAST_BACKUP = 'backup.last';
const DAY_MS = 24 * 60 * 60_000;

export interface LastBackup {
  at: string;
  path: string;
  bytes: number;
  sha256: string;
  blobs: number;
}

export interface BackupStatus {
  last: LastBackup | null;
  folder: string;
  folderFixed: boolean;
  reminderDays: number | null;
  /** a reminder is due: no good backup yet, or the last one is older than the policy allows */
  overdue: boolean;
}

export function lastBackup(db: Db): LastBackup | null {
  const row = db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${LAST_BACKUP}`);
  return row ? (JSON.parse(row.value) as LastBackup) : null;
}

export function recordLastBackup(db: Db, last: LastBackup): void {
  db.run(
    sql`INSERT INTO settings (key, value) VALUES (${LAST_BACKUP}, ${JSON.stringify(last)}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );
}

/**
 * What the machine policy (policy/policy.ts, a layer above) says of backups: the vault reads these
 * fields of it and knows nothing else of the policy.
 */
export interface BackupPolicy {
  backupFolder?: string;
  backupReminderDays?: number;
}

/** The policy's folder, else `backups` beside the vault (the same disk: Settings says so). */
export function backupFolder(vaultDir: string, policy: BackupPolicy): string {
  return policy.backupFolder ?? join(dirname(resolve(vaultDir)), 'backups');
}

export function backupStatus(db: Db, vaultDir: string, policy: BackupPolicy, now = new Date()): BackupStatus {
  const last = lastBackup(db);
  const reminderDays = policy.backupReminderDays ?? null;
  const overdue = reminderDays !== null && (!last || now.getTime() - Date.parse(last.at) > reminderDays * DAY_MS);
  return {
    last,
    folder: backupFolder(vaultDir, policy),
    folderFixed: policy.backupFolder !== undefined,
    reminderDays,
    overdue,
  };
}

/** `jejak-backup-20261128-0930.tar`, in local time as people read it. */
export function backupFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `jejak-backup-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.tar`;
}

/**
 * Where a backup may be written: a file that does not exist yet, inside the policy's backup folder
 * when it names one. Without a destination: a dated name in the backup folder.
 */
export function backupDestination(
  vaultDir: string,
  policy: BackupPolicy,
  requested: string | undefined,
  now = new Date(),
): string {
  if (!requested) {
    // The default folder is ours to make; the policy's may be a disk that is not plugged in.
    if (!policy.backupFolder) mkdirSync(backupFolder(vaultDir, policy), { recursive: true, mode: 0o700 });
    return join(backupFolder(vaultDir, policy), backupFileName(now));
  }
  if (!isAbsolute(requested)) throw new JejakError('INVALID_INPUT', 'Name the backup file with a full path.');
  if (policy.backupFolder && !isInside(requested, policy.backupFolder)) {
    throw new JejakError('POLICY', `The machine policy keeps backups in ${policy.backupFolder}.`);
  }
  if (isInside(requested, vaultDir))
    throw new JejakError(
      'INVALID_INPUT',
      'A backup inside the vault folder would not survive the vault; choose another folder.',
    );
  if (existsSync(requested)) throw new JejakError('INVALID_INPUT', `${requested} already exists; choose another name.`);
  return requested;
}
