import { evidenceThumbnail } from '../evidence/evidence-repo';
import { readOriginalHashed } from '../evidence/read-original';
import type { OffThreadDigest } from '../off-thread-digest';
import type { PayloadFile } from '../packages';
import type { ThumbnailReader } from '../report/pdf-in-worker';
import type { VaultSession } from '../vault/session';
import type { OriginalCrc } from './export-crc';
import type { EvidenceFile } from './report-builder';

// What outlives the documents (recordNotice's lookups, the PDF's previews, the originals' reads) is
// made by a function of its own at this level: its closures hold ids, not the items' details.

/** Each original's evidence id by its path in the bag, as the notice names it. */
export function evidenceIdsByPath(files: readonly EvidenceFile[]): (path: string) => number | undefined {
  const ids = new Map(files.map((f) => [`data/${f.path}`, f.evidenceId]));
  return (path) => ids.get(path);
}

/** The preview of the report's item numbered `seq`, for the drawing thread. */
export function thumbnailsOf(session: VaultSession, files: readonly EvidenceFile[]): ThumbnailReader {
  const ids = files.map((f) => f.evidenceId);
  return (seq) => {
    const id = ids[seq - 1];
    return Promise.resolve(id === undefined ? null : (evidenceThumbnail(session, id)?.bytes ?? null));
  };
}

/**
 * Each original of the case as a payload file, whose read closes over its session and evidence id
 * only (readsOriginal): made in writeExport, the reads shared its scope, and kept the case's
 * documents and every original's CRC row (3.5 MiB of rows at 20,000 items, heap snapshot) to the end.
 */
export function originalsOf(
  session: VaultSession,
  files: readonly EvidenceFile[],
  crcs: readonly OriginalCrc[],
): PayloadFile[] {
  return files.map((f, i) => ({
    path: f.path,
    size: f.size,
    // The writer hashes every byte against the catalogued SHA-256 and then takes the SHA-512
    // recorded at intake for those bytes, so each original is hashed once, not three times.
    expectedSha256: f.sha256,
    knownSha512: f.sha512,
    knownCrc32: crcs[i]!.crc32,
    hashedInto: readsOriginal(session, f.evidenceId),
  }));
}

const readsOriginal = (session: VaultSession, evidenceId: number) => (digest: OffThreadDigest) =>
  readOriginalHashed(session, evidenceId, digest);
