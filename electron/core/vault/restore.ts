import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { verifyAudit } from '../audit/audit-log';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { fsyncDirectory } from '../fs-atomic';
import { readBackup } from './backup-reader';
import type { VaultSession } from './session';
import { type Secret, unlockVault } from './vault';

export interface RestoreProgress {
  phase: 'read' | 'check';
  done: number;
  total: number;
}

export interface RestoreOptions {
  actor: string;
  escrowPublicKey?: string;
  signal?: AbortSignal;
  onProgress?(p: RestoreProgress): void;
}

export interface RestoreResult {
  vaultDir: string;
  vaultId: string;
  backupCreatedAt: string;
  blobs: number;
  /** audit entries verified, before the restore's own */
  auditEntries: number;
}

function requireNewFolder(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory() || readdirSync(dir).length > 0) {
    throw new JejakError(
      'VAULT_EXISTS',
      `${dir} is not empty. Restore into a new or empty folder; nothing was written.`,
    );
  }
}

/** Every original the database refers to decrypts and matches its catalogued SHA-256. */
async function checkEveryBlob(session: VaultSession, opts: RestoreOptions): Promise<number> {
  const rows = session.db.all<{ name: string; sha256: string }>(sql`SELECT name, sha256 FROM blobs ORDER BY name`);
  for (const [i, row] of rows.entries()) {
    if (opts.signal?.aborted) throw new JejakError('CANCELLED', 'The restore was cancelled.');
    // Reading decrypts every chunk (each authenticated) and hashes the whole against the catalogue.
    for await (const _chunk of session.blobs.read(row.name, row.sha256)) {
      // nothing to keep
    }
    opts.onProgress?.({ phase: 'check', done: i + 1, total: rows.length });
  }
  return rows.length;
}

/**
 * Brings a backup back as the vault in `vaultDir`, which must be absent or empty. Everything
 * happens in a staging folder beside it: the archive is checked byte by byte while it is
 * extracted, the vault is opened with the given passphrase or recovery code, its audit chain
 * verified and every original read back against its SHA-256; only then does the staging folder
 * take the vault's name. Any failure removes the staging folder: nothing is written into vaultDir.
 */
export async function restoreBackup(
  file: string,
  vaultDir: string,
  secret: Secret,
  opts: RestoreOptions,
): Promise<RestoreResult> {
  const target = resolve(vaultDir);
  requireNewFolder(target);
  mkdirSync(dirname(target), { recursive: true });
  const staging = join(
    dirname(target),
    `.${basename(target)}.restoring-${process.pid}-${randomBytes(6).toString('hex')}`,
  );
  mkdirSync(staging, { mode: 0o700 });
  let session: VaultSession | null = null;
  try {
    const contents = await readBackup(file, {
      extractTo: staging,
      signal: opts.signal,
      onProgress: (done, total) => opts.onProgress?.({ phase: 'read', done, total }),
    });
    session = await unlockVault(staging, secret, { actor: opts.actor, escrowPublicKey: opts.escrowPublicKey });
    if (session.header.vaultId !== contents.info.vaultId)
      throw new JejakError(
        'INTEGRITY',
        `The backup describes vault ${contents.info.vaultId} but holds vault ${session.header.vaultId}; nothing was restored.`,
      );
    const audit = verifyAudit(session.db);
    if (!audit.ok)
      throw new JejakError(
        'INTEGRITY',
        `The restored audit log does not verify (entry ${audit.firstBad?.seq}: ${audit.firstBad?.reason}); nothing was restored.`,
      );
    const blobs = await checkEveryBlob(session, opts);
    session.audit({
      action: 'vault.restored',
      details: {
        from: basename(file),
        backupCreatedAt: contents.info.createdAt,
        archiveSha256: contents.archiveSha256,
        blobs,
      },
    });
    const result = {
      vaultDir: target,
      vaultId: session.header.vaultId,
      backupCreatedAt: contents.info.createdAt,
      blobs,
      auditEntries: audit.entries,
    };
    // no worker's connection may still hold the staged files when they move
    await session.db.endWalKeeping();
    session.close('restored');
    session = null;
    requireNewFolder(target);
    if (existsSync(target)) rmdirSync(target);
    renameSync(staging, target);
    fsyncDirectory(dirname(target));
    return result;
  } catch (e) {
    session?.close('restore-failed');
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}
