import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { JejakError } from '../errors';
import { fsyncDirectory, writeFileAtomic } from '../fs-atomic';
import { PRIVATE_DIR } from './file-modes';
import { BLOBS_DIR, DATABASE_FILE } from './session';

/**
 * The files of a key rotation. Until the header names the new keys (`rotating: true`) everything
 * new lives in rotate/ and the vault is untouched; after that, the swap below moves it into place.
 * Each step looks at what is there, so running it again after a crash at any point finishes it.
 *
 *   rotate/owner.json   pid of the rotating process: an unlock elsewhere waits, a dead one is stale
 *   rotate/jejak.db     the database under the new key (rollback journal, never a WAL)
 *   rotate/blobs/…      every original re-encrypted, under its new name
 *   blobs.old/          the old originals, from the swap until they are removed (off the thread)
 */
export const STAGING_DIR = 'rotate';
const OWNER_FILE = 'owner.json';
const OLD_BLOBS_DIR = 'blobs.old';

/** Vaults this process is rotating now (its own pid is alive even when its rotation is over). */
const rotatingHere = new Set<string>();

export function stagingPath(dir: string, ...parts: string[]): string {
  return join(dir, STAGING_DIR, ...parts);
}

function ownerAlive(dir: string): boolean {
  let pid: number;
  try {
    pid = (JSON.parse(readFileSync(stagingPath(dir, OWNER_FILE), 'utf8')) as { pid: number }).pid;
  } catch {
    return false;
  }
  if (pid === process.pid) return rotatingHere.has(resolve(dir));
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function assertNoRotationRunning(dir: string): void {
  if (ownerAlive(dir)) {
    throw new JejakError(
      'VAULT_BUSY',
      'The keys of this vault are being rotated right now (by this or another Jejak). Wait until it has finished, then unlock.',
    );
  }
}

/** A fresh staging folder owned by this process; leftovers of a rotation that never committed go first. */
export function beginStaging(dir: string): void {
  assertNoRotationRunning(dir);
  discardStaging(dir);
  rmSync(join(dir, OLD_BLOBS_DIR), { recursive: true, force: true });
  mkdirSync(stagingPath(dir), { mode: PRIVATE_DIR });
  writeFileAtomic(
    stagingPath(dir, OWNER_FILE),
    JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }),
  );
  rotatingHere.add(resolve(dir));
}

export function endStaging(dir: string): void {
  rotatingHere.delete(resolve(dir));
}

/** The header never named these keys: nothing in rotate/ is needed, the old vault is whole. */
export function discardStaging(dir: string): void {
  if (!existsSync(stagingPath(dir))) return;
  rmSync(stagingPath(dir), { recursive: true, force: true });
  fsyncDirectory(dir);
}

/** Moves the committed rotation's files into place; idempotent (see above). */
export function swapInRotatedFiles(dir: string): void {
  const stagedDb = stagingPath(dir, DATABASE_FILE);
  if (existsSync(stagedDb)) {
    // The old WAL belongs to the old database: beside the new one SQLite would replay its frames into it.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(join(dir, `${DATABASE_FILE}${suffix}`), { force: true });
    fsyncDirectory(dir);
    renameSync(stagedDb, join(dir, DATABASE_FILE));
    fsyncDirectory(dir);
  }
  const stagedBlobs = stagingPath(dir, BLOBS_DIR);
  const live = join(dir, BLOBS_DIR);
  const old = join(dir, OLD_BLOBS_DIR);
  if (existsSync(stagedBlobs)) {
    if (existsSync(live)) {
      if (existsSync(old))
        throw new JejakError(
          'VAULT_CORRUPT',
          `Both ${BLOBS_DIR} and ${OLD_BLOBS_DIR} exist beside a rotation in progress; nothing was moved. Ask IT.`,
        );
      renameSync(live, old);
      fsyncDirectory(dir);
    }
    renameSync(stagedBlobs, live);
    fsyncDirectory(dir);
  }
}

/**
 * Removes what a swapped rotation leaves: the old originals and the staging folder. Off the calling
 * thread (the window's, in the app): removing every original of a large vault one by one is long.
 */
export async function removeRotationLeftovers(dir: string): Promise<void> {
  await rm(join(dir, OLD_BLOBS_DIR), { recursive: true, force: true });
  await rm(stagingPath(dir), { recursive: true, force: true });
  fsyncDirectory(dir);
}
