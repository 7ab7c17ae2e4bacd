import { evidenceThumbnail } from '../evidence/evidence-repo';
import { readOriginalHashed } from '../evidence/read-original';
import { mapOfInTurns } from '../in-turns';
import type { OffThreadDigest } from '../off-thread-digest';
import type { PayloadFile } from '../packages';
import type { HashedFile } from '../packages/write-payload';
import type { OperationOptions } from '../packages/operation';
import type { ThumbnailReader } from '../report/pdf-in-worker';
import type { VaultSession } from '../vault/session';
import { fillMissingCrc32s, recordedCrc32s } from './export-crc';
import type { EvidenceFile } from './report-builder';

// What outlives the documents (the notice record's lookups, the PDF's previews, the originals'
// reads) is made at this level, by a function or a class of its own: it holds ids, not the items'
// details.

/** Each original's evidence id by its path in the bag, as the notice names it. */
export async function evidenceIdsByPath(files: readonly EvidenceFile[]): Promise<(path: string) => number | undefined> {
  const ids = await mapOfInTurns(files, (f): [string, number] => [`data/${f.path}`, f.evidenceId]);
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
 * Each original of the case as a payload file, with the CRC-32 the vault holds for it; an encrypted
 * package, sealed as its ZIP is written, needs every one first (`needsEveryCrc`: read once for those
 * the vault lacks). Each original's CRC row goes when this returns: kept in writeExport's scope, the
 * rows were 3.2 MiB of heap to the package's end at 20,000 items (heap snapshot).
 */
export async function originalsOf(
  session: VaultSession,
  files: readonly EvidenceFile[],
  needsEveryCrc: boolean,
  opts: OperationOptions,
): Promise<PayloadFile[]> {
  const crcs = await recordedCrc32s(session, files);
  if (needsEveryCrc) await fillMissingCrc32s(session, crcs, opts);
  return files.map((f, i) => new OriginalFile(session, f, crcs[i]!.crc32));
}

/**
 * An original as the package writer reads it: an object of its own, its read a method, so that each
 * of 20,000 holds no closure and no scope of one (2.3 MiB of heap at 20,000 items as closures).
 */
class OriginalFile implements HashedFile {
  readonly path: string;
  readonly size: number;
  // The writer hashes every byte against the catalogued SHA-256 and then takes the SHA-512
  // recorded at intake for those bytes, so each original is hashed once, not three times.
  readonly expectedSha256: string;
  readonly knownSha512: string;
  private readonly evidenceId: number;

  constructor(
    private readonly session: VaultSession,
    file: EvidenceFile,
    readonly knownCrc32: number | undefined,
  ) {
    this.path = file.path;
    this.size = file.size;
    this.expectedSha256 = file.sha256;
    this.knownSha512 = file.sha512;
    this.evidenceId = file.evidenceId;
  }

  hashedInto(digest: OffThreadDigest): AsyncIterable<Uint8Array> {
    return readOriginalHashed(this.session, this.evidenceId, digest);
  }
}
