import { dirname, resolve } from 'node:path';
import { removeStaleScratch } from '../age/scratch-file';
import { sql } from '../db/sql';
import { type RemovedPartial, removeStalePartials } from '../packages/stale-partials';
import { requireExportFolder } from '../policy/export-folders';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { defaultExportsDir } from './paths';

/** Folders this vault wrote packages to, newest first: swept for stale partials at each start. */
const SETTING = 'packageFolders';
const MAX_REMEMBERED = 20;

/** Folders packages go to without the vault telling us: the default one and those the policy allows. */
export function knownPackageFolders(vaultDir: string, policy: Policy): string[] {
  return [defaultExportsDir(vaultDir), ...(policy.allowedExportFolders ?? [])];
}

export function rememberedPackageFolders(session: VaultSession): string[] {
  const row = session.db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${SETTING}`);
  if (!row) return [];
  try {
    const list: unknown = JSON.parse(row.value);
    return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** One audit entry per removed file, so the log says what was found in clear and where. */
export function auditRemovedPartials(session: VaultSession, removed: readonly RemovedPartial[]): void {
  for (const r of removed) {
    session.audit({
      action: 'package.partial-removed',
      subject: { type: 'file', id: r.file },
      details: { folder: r.folder, bytes: r.bytes },
    });
  }
}

/**
 * Sweeps `folders` and every remembered package folder; each removal is audited. Stale scratch
 * files of encrypted writes (ciphertext only) go too, unaudited.
 */
export function sweepPackageFolders(session: VaultSession, folders: readonly string[]): RemovedPartial[] {
  removeStaleScratch();
  const all = new Set([...folders, ...rememberedPackageFolders(session)].map((f) => resolve(f)));
  const removed = [...all].flatMap((folder) => removeStalePartials(folder));
  auditRemovedPartials(session, removed);
  return removed;
}

/**
 * Before a package is written to `destination`: a folder the policy does not allow is refused
 * before anything is touched; stale partials in the folder (and in the other known folders) go,
 * and the folder is remembered so a write killed now is cleaned at the next start.
 */
export function beforePackageWrite(session: VaultSession, destination: string, policy: Policy): RemovedPartial[] {
  requireExportFolder(policy, destination);
  const folder = dirname(resolve(destination));
  const next = [folder, ...rememberedPackageFolders(session).filter((f) => f !== folder)].slice(0, MAX_REMEMBERED);
  session.db.run(
    sql`INSERT INTO settings (key, value) VALUES (${SETTING}, ${JSON.stringify(next)}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );
  return sweepPackageFolders(session, [...knownPackageFolders(session.dir, policy), folder]);
}
