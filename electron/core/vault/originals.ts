import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import type { ByteSource, StoredBlob } from './blob-store';
import type { VaultSession } from './session';

export interface OriginalRow {
  name: string;
  sha256: string;
  sha512: string;
  size: number;
  /** null for an original stored before CRCs were kept (until an encrypted export records it) */
  crc32: number | null;
  created_at: string;
}

/**
 * Stores an original's bytes and records it: the encrypted file is durable before its row
 * commits, so every row always has its blob. Returns whether it was new.
 */
export async function storeOriginal(
  session: VaultSession,
  source: ByteSource,
  signal?: AbortSignal,
): Promise<StoredBlob> {
  const blob = await session.blobs.put(source, signal);
  session.db.tx(() => recordOriginal(session, blob));
  return blob;
}

/** The row of a stored original (once, whoever stores it again), in the caller's transaction: its blob must be durable. */
export function recordOriginal(session: VaultSession, blob: StoredBlob): void {
  const known = session.db.get(sql`SELECT 1 FROM blobs WHERE name = ${blob.name}`);
  if (known) return;
  session.db.run(
    sql`INSERT INTO blobs (name, sha256, sha512, size, crc32, created_at) VALUES (${blob.name}, ${blob.sha256}, ${blob.sha512}, ${blob.size}, ${blob.crc32}, ${new Date().toISOString()})`,
  );
  session.audit({
    action: 'blob.stored',
    subject: { type: 'blob', id: blob.sha256 },
    details: { size: blob.size, sha512: blob.sha512 },
  });
}

export function findOriginal(session: VaultSession, sha256: string): OriginalRow | undefined {
  return session.db.get<OriginalRow>(sql`SELECT * FROM blobs WHERE sha256 = ${sha256}`);
}

/** Writes decrypted bytes to a new file: a temp name first, renamed only once every chunk checked. */
export async function writeChunksTo(chunks: AsyncIterable<Buffer>, out: string): Promise<void> {
  if (existsSync(out))
    throw new JejakError('INVALID_INPUT', `${out} already exists; choose another name.`).because('exportError.exists', {
      path: out,
    });
  const temp = `${out}.partial`;
  try {
    await pipeline(Readable.from(chunks), createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    await rename(temp, out);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
