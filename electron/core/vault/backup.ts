import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { JejakError } from '../errors';
import { fsyncDirectory } from '../fs-atomic';
import { processMayRun } from '../process-alive';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupInfo, INFO_FILE, blobEntryName } from './backup-manifest';
import { readBackup } from './backup-reader';
import { recordLastBackup, type LastBackup } from './backup-status';
import { snapshotDatabase } from './backup-snapshot';
import { BackupWriter } from './backup-writer';
import { HEADER_FILE, headerPath } from './header';
import { DATABASE_FILE, type VaultSession } from './session';

/** Inside the vault folder: snapshots of the database while a backup copies them (encrypted). */
const SNAPSHOT_DIR = 'backup-tmp';
const SNAPSHOT_ATTEMPTS = 3;

export interface BackupProgress {
  phase: 'snapshot' | 'copy' | 'verify';
  done: number;
  total: number;
}

export interface BackupOptions {
  /** written into the backup: which Jejak made it */
  software: string;
  signal?: AbortSignal;
  onProgress?(p: BackupProgress): void;
  now?: Date;
}

/** `.<name>.backup-<pid>-<random>` beside the destination; `<pid>-<random>.db` in the vault's snapshot folder. */
const ARCHIVE_TEMP = /^\..+\.backup-(\d{1,10})-[0-9a-f]{12}$/;
const SNAPSHOT_TEMP = /^(\d{1,10})-[0-9a-f]{12}\.db$/;

/** Temp files of backups whose process is gone (killed): encrypted, but litter. */
function removeStaleTemps(folder: string, pattern: RegExp): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = pattern.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !processMayRun(Number(pid))) rmSync(join(folder, name), { force: true });
  }
}

const tempSuffix = () => `${process.pid}-${randomBytes(6).toString('hex')}`;

/**
 * A snapshot of the database with the vault.json that belongs to it. The header is read before and
 * after: when it did not change in between, the snapshot's generation and audit chain agree with
 * it (its head is in the chain, its generation is not behind). A header changed meanwhile (a
 * passphrase change, a lock in another process) means another try.
 */
async function consistentSnapshot(
  session: VaultSession,
  signal?: AbortSignal,
): Promise<{ header: Buffer; snapshot: string; blobs: string[] }> {
  const folder = join(session.dir, SNAPSHOT_DIR);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  removeStaleTemps(folder, SNAPSHOT_TEMP);
  for (let attempt = 0; attempt < SNAPSHOT_ATTEMPTS; attempt++) {
    const header = readFileSync(headerPath(session.dir));
    const snapshot = join(folder, `${tempSuffix()}.db`);
    try {
      const { blobs } = await snapshotDatabase(session, join(session.dir, DATABASE_FILE), snapshot, signal);
      if (readFileSync(headerPath(session.dir)).equals(header)) return { header, snapshot, blobs };
    } catch (e) {
      await rm(snapshot, { force: true });
      throw e;
    }
    await rm(snapshot, { force: true });
  }
  throw new JejakError('INTERNAL', `${HEADER_FILE} kept changing while the database was copied; try the backup again.`);
}

/**
 * Writes a backup of the open vault to `destination` while the vault stays in use: a consistent
 * snapshot of the database (still encrypted under the vault's key), vault.json as it is and every
 * original the snapshot refers to (still encrypted), with a SHA-256 manifest (backup-manifest.ts).
 * The file is then read back and every hash compared before it takes its name; a cancel or a
 * failure leaves nothing at the destination. Recorded in the audit log and as the last good backup.
 */
export async function createBackup(
  session: VaultSession,
  destination: string,
  opts: BackupOptions,
): Promise<LastBackup> {
  const now = opts.now ?? new Date();
  const folder = dirname(destination);
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new JejakError('NOT_FOUND', `The backup folder ${folder} is not there (is the disk connected?).`);
  }
  removeStaleTemps(folder, ARCHIVE_TEMP);
  opts.onProgress?.({ phase: 'snapshot', done: 0, total: 0 });
  const { header, snapshot, blobs } = await consistentSnapshot(session, opts.signal);
  const temp = join(folder, `.${basename(destination)}.backup-${tempSuffix()}`);
  try {
    const sizes = [
      header.length,
      statSync(snapshot).size,
      ...blobs.map((b) => sizeOf(blobEntryName(b), session.blobs.pathOf(b))),
    ];
    const total = 2 * sizes.reduce((a, b) => a + b, 0);
    let done = 0;
    const progress = (phase: BackupProgress['phase'], bytes: number) =>
      opts.onProgress?.({ phase, done: (done += bytes), total });
    const written = await writeArchive(temp, {
      session,
      header,
      snapshot,
      blobs,
      now,
      software: opts.software,
      signal: opts.signal,
      onBytes: (n) => progress('copy', n),
    });
    const copied = done;
    const check = await readBackup(temp, {
      signal: opts.signal,
      onProgress: (d) => opts.onProgress?.({ phase: 'verify', done: copied + d * (total / 2 / written.bytes), total }),
    });
    const same =
      check.archiveSha256 === written.archiveSha256 &&
      check.entries.every((e, i) => e.sha256 === written.entries[i]?.sha256);
    if (!same || check.entries.length !== written.entries.length)
      throw new JejakError(
        'INTEGRITY',
        'The backup did not read back as it was written; the disk may be failing. Nothing was kept.',
      );
    if (opts.signal?.aborted) throw new JejakError('CANCELLED', 'The backup was cancelled.');
    renameSync(temp, destination);
    fsyncDirectory(folder);
    const last: LastBackup = {
      at: now.toISOString(),
      path: destination,
      bytes: written.bytes,
      sha256: written.fileSha256,
      blobs: blobs.length,
    };
    session.db.tx(() => {
      recordLastBackup(session.db, last);
      session.audit({
        action: 'vault.backup-created',
        details: { file: basename(destination), folder, bytes: last.bytes, sha256: last.sha256, blobs: last.blobs },
      });
    });
    return last;
  } catch (e) {
    // off this thread: a cancelled backup's partial file can be gigabytes (rmSync of 868 MiB: 210 ms here)
    await rm(temp, { force: true });
    throw e;
  } finally {
    await rm(snapshot, { force: true });
  }
}

interface ArchiveInput {
  session: VaultSession;
  header: Buffer;
  snapshot: string;
  blobs: string[];
  now: Date;
  software: string;
  signal?: AbortSignal;
  onBytes(n: number): void;
}

async function writeArchive(temp: string, input: ArchiveInput) {
  const { session, now } = input;
  const handle = await open(temp, 'wx', 0o600);
  try {
    const writer = new BackupWriter(handle, now, input.signal, input.onBytes);
    const info: BackupInfo = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      vaultId: session.header.vaultId,
      createdAt: now.toISOString(),
      software: input.software,
      blobs: input.blobs.length,
    };
    await writer.addBuffer(INFO_FILE, Buffer.from(`${JSON.stringify(info, null, 2)}\n`, 'utf8'));
    await writer.addBuffer(HEADER_FILE, input.header);
    await copyFile(writer, DATABASE_FILE, input.snapshot);
    for (const name of input.blobs) await copyFile(writer, blobEntryName(name), session.blobs.pathOf(name));
    const done = await writer.finish();
    await handle.sync();
    return done;
  } finally {
    await handle.close();
  }
}

function sizeOf(name: string, path: string): number {
  try {
    return statSync(path).size;
  } catch {
    throw new JejakError('NOT_FOUND', `${name} is missing from the vault; the backup was not written.`);
  }
}

/** A file as it is on disk (an encrypted original never changes once written). */
async function copyFile(writer: BackupWriter, name: string, path: string): Promise<void> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch {
    throw new JejakError('NOT_FOUND', `${name} is missing from the vault; the backup was not written.`);
  }
  try {
    const { size } = await file.stat();
    await writer.add(
      name,
      size,
      file.createReadStream({ autoClose: false, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>,
    );
  } finally {
    await file.close();
  }
}
