import { sql } from '../db/sql';
import { mapInTurns } from '../in-turns';
import { OffThreadDigest } from '../off-thread-digest';
import { throwIfAborted } from '../packages/operation';
import type { VaultSession } from '../vault/session';
import type { EvidenceFile } from './report-builder';

/**
 * Each original's CRC-32 as the vault recorded it at intake, or undefined for one stored before CRCs
 * were kept; read a batch per turn, as the report's items are.
 */
export function recordedCrc32s(
  session: VaultSession,
  files: readonly EvidenceFile[],
): Promise<Array<number | undefined>> {
  return mapInTurns(
    files,
    (f) =>
      session.db.get<{ crc32: number | null }>(
        sql`SELECT b.crc32 FROM evidence e JOIN blobs b ON b.name = e.blob_name WHERE e.id = ${f.evidenceId}`,
      )?.crc32 ?? undefined,
  );
}

/**
 * Fills in the CRC-32s an encrypted export needs and the vault does not hold (originals stored
 * before it kept them): each such original is read once, decrypted and its CRC taken on the hashing
 * worker, and the CRC recorded, so no later export reads it for this again. A derived value, like
 * a cached count: the row's hashes, which the audit log vouches for, do not change.
 */
export async function fillMissingCrc32s(
  session: VaultSession,
  files: readonly EvidenceFile[],
  crcs: Array<number | undefined>,
  signal?: AbortSignal,
): Promise<void> {
  for (const [i, file] of files.entries()) {
    if (crcs[i] !== undefined) continue;
    throwIfAborted(signal);
    const { blob_name: name } = session.db.get<{ blob_name: string }>(
      sql`SELECT blob_name FROM evidence WHERE id = ${file.evidenceId}`,
    )!;
    const digest = new OffThreadDigest({ sha256: false, sha512: false, md5: false, crc32: true });
    try {
      for await (const chunk of session.blobs.readHashed(name, digest)) void chunk;
    } catch (e) {
      digest.abandon();
      throw e;
    }
    const crc = (await digest.digest()).crc32!;
    session.db.run(sql`UPDATE blobs SET crc32 = ${crc} WHERE name = ${name} AND crc32 IS NULL`);
    crcs[i] = crc;
  }
}
