import { sql } from '../db/sql';
import type { ByteSource, StoredBlob } from './blob-store';
import type { VaultSession } from './session';

export interface OriginalRow {
  name: string;
  sha256: string;
  sha512: string;
  size: number;
  created_at: string;
}

/**
 * Stores an original's bytes and records it: the encrypted file is durable before its row
 * commits, so every row always has its blob. Returns whether it was new.
 */
export async function storeOriginal(session: VaultSession, source: ByteSource, signal?: AbortSignal): Promise<StoredBlob> {
  const blob = await session.blobs.put(source, signal);
  session.db.tx(() => {
    const known = session.db.get(sql`SELECT 1 FROM blobs WHERE name = ${blob.name}`);
    if (known) return;
    session.db.run(sql`INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (${blob.name}, ${blob.sha256}, ${blob.sha512}, ${blob.size}, ${new Date().toISOString()})`);
    session.audit({ action: 'blob.stored', subject: { type: 'blob', id: blob.sha256 }, details: { size: blob.size, sha512: blob.sha512 } });
  });
  return blob;
}

export function findOriginal(session: VaultSession, sha256: string): OriginalRow | undefined {
  return session.db.get<OriginalRow>(sql`SELECT * FROM blobs WHERE sha256 = ${sha256}`);
}
