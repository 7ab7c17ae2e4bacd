import { chmodSync, closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { HEADER_FILE } from './header';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

function chmodIfPresent(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/**
 * Creates the database file empty and owner-only before SQLite opens it: SQLite gives its -wal
 * and -shm the mode of the database file, so all three stay 0600 whatever the umask.
 */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE));
  chmodSync(path, PRIVATE_FILE);
}

/**
 * Owner-only modes on the vault folder, its header and its database files: vaults made before
 * Jejak created them so (jejak.db was 0644) are fixed at unlock. Blob files were always 0600.
 */
export function fixVaultModes(dir: string, databaseFile: string, blobsDir: string): void {
  chmodIfPresent(dir, PRIVATE_DIR);
  chmodIfPresent(join(dir, blobsDir), PRIVATE_DIR);
  for (const file of [HEADER_FILE, databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`])
    chmodIfPresent(join(dir, file), PRIVATE_FILE);
}
