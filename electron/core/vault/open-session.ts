import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/database';
import { JejakError } from '../errors';
import { createPrivateFile, fixVaultModes } from './file-modes';
import type { VaultHeader } from './header';
import { deriveVaultKeys, wipeKeys } from './keys';
import { BLOBS_DIR, DATABASE_FILE, VaultSession } from './session';

/** Opens the database and blob store under this master key; `create` only for a new vault. */
export function openSession(
  dir: string,
  header: VaultHeader,
  master: Buffer,
  actor: string,
  opts: { create?: boolean } = {},
): VaultSession {
  const dbPath = join(dir, DATABASE_FILE);
  if (opts.create) createPrivateFile(dbPath);
  else if (!existsSync(dbPath))
    throw new JejakError(
      'VAULT_CORRUPT',
      `${DATABASE_FILE} is missing from ${dir}; nothing was created in its place. Restore the vault folder from a backup.`,
    );
  fixVaultModes(dir, DATABASE_FILE, BLOBS_DIR);
  const keys = deriveVaultKeys(master, header.vaultId);
  let db;
  try {
    db = openDatabase(dbPath, keys.database);
  } catch (e) {
    wipeKeys(keys);
    master.fill(0);
    throw e;
  }
  const session = new VaultSession(dir, header, db, master, keys, actor);
  session.blobs.removeTempFiles();
  return session;
}
