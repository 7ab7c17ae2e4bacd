import { sql } from '../db/sql';
import { mapInTurns } from '../in-turns';
import { OffThreadDigest } from '../off-thread-digest';
import { type OperationOptions, throwIfAborted } from '../packages/operation';
import type { VaultSession } from '../vault/session';
import type { EvidenceFile } from './report-builder';

/** An original's blob and the CRC-32 the vault holds for it (undefined: stored before CRCs were kept). */
export interface OriginalCrc {
  blob: string;
  crc32: number | undefined;
  /** its path in the bag and its size, for the progress of a pass that reads it */
  path: string;
  size: number;
}

/** Each original's blob and recorded CRC-32, read a batch per turn, as the report's items are. */
export function recordedCrc32s(session: VaultSession, files: readonly EvidenceFile[]): Promise<OriginalCrc[]> {
  return mapInTurns(files, (f) => {
    const row = session.db.get<{ blob: string; crc32: number | null }>(
      sql`SELECT b.name AS blob, b.crc32 FROM evidence e JOIN blobs b ON b.name = e.blob_name WHERE e.id = ${f.evidenceId}`,
    )!;
    return { blob: row.blob, crc32: row.crc32 ?? undefined, path: `data/${f.path}`, size: f.size };
  });
}

/**
 * Fills in the CRC-32s an encrypted export needs and the vault does not hold (originals stored
 * before it kept them): each such original is read once, decrypted and its CRC taken on the hashing
 * worker, and the CRC recorded, so no later export reads it for this again. A derived value, like
 * a cached count: the row's hashes, which the audit log vouches for, do not change. Its progress
 * counts the bytes of those originals, before the writing's own.
 */
export async function fillMissingCrc32s(
  session: VaultSession,
  originals: readonly OriginalCrc[],
  opts: OperationOptions = {},
): Promise<void> {
  const missing = originals.filter((o) => o.crc32 === undefined);
  const bytesTotal = missing.reduce((sum, o) => sum + o.size, 0);
  let bytesDone = 0;
  for (const original of missing) {
    throwIfAborted(opts.signal);
    const digest = new OffThreadDigest({ sha256: false, sha512: false, md5: false, crc32: true });
    try {
      for await (const chunk of session.blobs.readHashed(original.blob, digest)) {
        bytesDone += chunk.length;
        opts.onProgress?.({ bytesDone, bytesTotal, file: original.path });
      }
    } catch (e) {
      digest.abandon();
      throw e;
    }
    original.crc32 = (await digest.digest()).crc32!;
    session.db.run(sql`UPDATE blobs SET crc32 = ${original.crc32} WHERE name = ${original.blob} AND crc32 IS NULL`);
  }
}
