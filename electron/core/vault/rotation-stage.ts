import { chmodSync, closeSync, constants, copyFileSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditAnchor } from '../audit/anchor';
import { appendAudit, auditHead } from '../audit/audit-log';
import { Db, type RawDatabase, openKeyed, sqlcipherKeyPragma } from '../db/database';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { fsyncDirectory } from '../fs-atomic';
import { BlobStore } from './blob-store';
import { PRIVATE_FILE } from './file-modes';
import type { VaultKeys } from './keys';
import { stagingPath } from './rotation-files';
import { BLOBS_DIR, DATABASE_FILE } from './session';
import { raiseDbGeneration } from './vault-state';

export interface StageInput {
  dir: string;
  oldKeys: VaultKeys;
  newKeys: VaultKeys;
  actor: string;
  generation: number;
  /** what the vault.keys-rotated entry says */
  details: Record<string, unknown>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

interface BlobRow {
  name: string;
  sha256: string;
  sha512: string;
  size: number;
}

/** Every column that holds a blob name: blobs.name and each foreign key pointing at it. */
function blobNameColumns(raw: RawDatabase): Array<{ table: string; column: string }> {
  const tables = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const columns = [{ table: 'blobs', column: 'name' }];
  for (const table of tables) {
    const keys = raw.pragma(`foreign_key_list("${table.replace(/"/g, '""')}")`) as Array<{
      table: string;
      from: string;
      to: string;
    }>;
    for (const k of keys) if (k.table === 'blobs' && k.to === 'name') columns.push({ table, column: k.from });
  }
  return columns;
}

function renameBlobs(raw: RawDatabase, renames: Map<string, string>): void {
  for (const { table, column } of blobNameColumns(raw)) {
    const update = raw.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE "${column}" = ?`);
    for (const [from, to] of renames) update.run(to, from);
  }
  if ((raw.pragma('foreign_key_check') as unknown[]).length > 0)
    throw new JejakError('INTERNAL', 'A blob reference was left behind by the key rotation; nothing was changed.');
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every original read back under the old keys (checked against its catalogued hashes) and written under the new. */
async function reencryptBlobs(input: StageInput, rows: BlobRow[]): Promise<Map<string, string>> {
  const from = new BlobStore(join(input.dir, BLOBS_DIR), input.oldKeys.blob, input.oldKeys.blobName);
  const to = new BlobStore(stagingPath(input.dir, BLOBS_DIR), input.newKeys.blob, input.newKeys.blobName);
  const total = rows.reduce((sum, r) => sum + r.size, 0);
  const renames = new Map<string, string>();
  let done = 0;
  input.onProgress?.(0, total);
  for (const row of rows) {
    if (input.signal?.aborted)
      throw new JejakError('CANCELLED', 'The key rotation was cancelled; nothing was changed.');
    const stored = await to.put(from.read(row.name, row.sha256));
    if (stored.sha256 !== row.sha256 || stored.sha512 !== row.sha512) {
      throw new JejakError(
        'INTEGRITY',
        `Original ${row.sha256.slice(0, 12)}… did not read back as catalogued; the key rotation stopped and nothing was changed.`,
      );
    }
    renames.set(row.name, stored.name);
    done += row.size;
    input.onProgress?.(done, total);
  }
  return renames;
}

/**
 * Builds the rotated vault in rotate/ while the live one stays untouched: a copy of the closed
 * database rekeyed to the new key, every original re-encrypted under the new blob keys and
 * renamed in the copy, the new generation and a vault.keys-rotated entry. Everything is fsynced
 * before this returns, so the header that commits to it can be written next.
 */
export async function stageRotation(input: StageInput): Promise<{ head: AuditAnchor; originals: number }> {
  const livePath = join(input.dir, DATABASE_FILE);
  // With the session's connection closed, a WAL still there means another process holds the database open.
  if (existsSync(`${livePath}-wal`)) {
    throw new JejakError(
      'VAULT_BUSY',
      'Another Jejak (the app or a command) has this vault open. Close it there and rotate again. Nothing was changed.',
    );
  }
  const stagedPath = stagingPath(input.dir, DATABASE_FILE);
  copyFileSync(livePath, stagedPath, constants.COPYFILE_EXCL);
  chmodSync(stagedPath, PRIVATE_FILE);
  const raw = openKeyed(stagedPath, input.oldKeys.database);
  let result;
  try {
    // SQLite3MultipleCiphers (2.3 here) cannot rekey a WAL database: the copy moves to a rollback
    // journal first, and only ever lives in rotate/ until it is complete.
    raw.pragma('journal_mode = DELETE');
    raw.pragma(sqlcipherKeyPragma(input.newKeys.database, 'rekey'));
    // Blob names change in blobs and in every column pointing at it; checked as a whole afterwards.
    raw.pragma('foreign_keys = OFF');
    const db = new Db(raw);
    const rows = db.all<BlobRow>(sql`SELECT name, sha256, sha512, size FROM blobs ORDER BY name`);
    const renames = await reencryptBlobs(input, rows);
    db.tx(() => {
      renameBlobs(raw, renames);
      raiseDbGeneration(db, input.generation);
      appendAudit(db, {
        actor: input.actor,
        action: 'vault.keys-rotated',
        details: { ...input.details, generation: input.generation, originals: rows.length },
      });
    });
    result = { head: auditHead(db), originals: rows.length };
  } finally {
    raw.close();
  }
  for (const leftover of ['-journal', '-wal']) {
    if (existsSync(`${stagedPath}${leftover}`))
      throw new JejakError('INTERNAL', `The rotated database left a ${leftover} file behind; nothing was changed.`);
  }
  fsyncFile(stagedPath);
  fsyncDirectory(stagingPath(input.dir, BLOBS_DIR));
  fsyncDirectory(stagingPath(input.dir));
  return result;
}
