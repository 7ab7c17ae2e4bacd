import { JejakError } from '../errors';
import { isMetadata } from './bag-names';
import { concatBytes, utf8 } from './bytes';
import type { FileFacts } from './checks';
import type { InspectOptions } from './inspect';
import { type Phrase, say } from './phrases';
import type { Platform } from './platform';
import { entryPhrase, readEntryData, type LocalHeaderMap, type ZipArchive, type ZipEntry } from './zip-read';

/** A ZIP's entries against the verifier's limits, and each entry's data read, checked and hashed. */

/** Entries larger than this are read in a lane of their own, beside the others: see readData. */
const OWN_LANE_BYTES = 4 * 1024 * 1024;

/** Entries at most this large are not held to the compression ratio limit. */
const RATIO_FLOOR = 1 << 20;

export function limitProblems(
  entries: readonly ZipEntry[],
  files: Map<string, ZipEntry>,
  opts: InspectOptions,
): Phrase[] {
  const { limits, capture } = opts;
  const problems: Phrase[] = [];
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxTotalBytes)
    problems.push(say('check.zipLimits.total', { bytes: total, limit: limits.maxTotalBytes }));
  for (const e of entries) {
    if (
      e.uncompressedSize > RATIO_FLOOR &&
      e.uncompressedSize > limits.maxCompressionRatio * Math.max(e.compressedSize, 1)
    ) {
      const ratio = Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1));
      problems.push(entryPhrase(e, say('check.zipLimits.ratio', { ratio, limit: limits.maxCompressionRatio })));
    }
  }
  const metadata = [...files].filter(([path]) => isMetadata(path)).reduce((sum, [, e]) => sum + e.uncompressedSize, 0);
  if (metadata > limits.maxMetadataBytes)
    problems.push(say('check.zipLimits.metadata', { bytes: metadata, limit: limits.maxMetadataBytes }));
  const captured = capture && files.get(capture.path);
  if (capture && captured && captured.uncompressedSize > capture.maxBytes) {
    throw new JejakError(
      'INVALID_INPUT',
      `${capture.path} is ${captured.uncompressedSize} bytes, more than the ${capture.maxBytes} that can be shown.`,
    );
  }
  return problems;
}

/**
 * Every entry wanted read, checked (size, CRC-32) and hashed, its problems returned in file order.
 * Entries over OWN_LANE_BYTES are read in a lane of their own beside the rest: a large one's
 * SHA-512 goes to the hashing worker, which sets that lane's pace, while this thread reads the small
 * ones and hashes them itself (platform.sha512 takes them in-thread while the worker is behind). In
 * file order alone the time depended on the ZIP's order: with the large file last (a package zipped
 * again, an export from before originals went largest first) the worker hashed it alone at the end.
 * The 1 GiB bench package with its video moved last, 5 alternated runs: 2.49-3.13 s (median 2.88)
 * in file order, 2.12-2.89 (2.46) in two lanes; as exported (video first) the same either way. An
 * age file's plaintext is decrypted on this thread as it is read, which makes this thread the
 * slower one: one lane there (decryptsOnRead).
 */
export async function readData(
  archive: ZipArchive,
  named: Map<string, ZipEntry>,
  files: Map<string, FileFacts>,
  platform: Platform,
  opts: InspectOptions,
  headers: LocalHeaderMap,
): Promise<Phrase[]> {
  const pathOf = new Map([...named].map(([path, e]) => [e, path]));
  const wanted = (path: string | undefined): boolean =>
    opts.full || (path !== undefined && (isMetadata(path) || path === opts.capture?.path));
  // in the order of the file, the order the headers are checked in
  const toRead = archive.entries
    .filter((e) => wanted(pathOf.get(e)))
    .sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const bytesTotal = toRead.reduce((sum, e) => sum + e.uncompressedSize, 0);
  let bytesDone = 0;
  const kept = keptEntries(toRead, pathOf, opts);
  const problems = new Map<ZipEntry, Phrase>();
  // Each file's digests are only awaited at the end: the worker finishes one file's SHA-512 while
  // the next file is read, instead of this thread waiting for it file by file.
  const recorded: Promise<void>[] = [];
  // A failure in one lane stops the other at its next chunk; the first failure is the one reported.
  const stop = new AbortController();
  const stopOnCancel = () => stop.abort();
  opts.signal?.addEventListener('abort', stopOnCancel);
  if (opts.signal?.aborted) stop.abort();
  let firstFailure: { err: unknown } | undefined;
  const readOne = async (e: ZipEntry): Promise<void> => {
    await headers.located(e);
    if (e.dataStart === undefined) return; // its header did not check out: nothing to read
    const path = pathOf.get(e);
    // Entries outside the bag (already invalid) are only checked for readability, not hashed.
    const sha256 = path === undefined ? undefined : platform.sha256();
    const sha512 = path === undefined ? undefined : platform.sha512(e.uncompressedSize);
    const keep = kept.has(e);
    const chunks: Uint8Array[] = [];
    const file = path ?? utf8(e.nameRaw);
    let problem: Phrase | null = null;
    try {
      problem = await readEntryData(
        archive,
        e,
        platform,
        async (chunk) => {
          await sha256?.update(chunk);
          await sha512?.update(chunk);
          if (keep) chunks.push(Uint8Array.prototype.slice.call(chunk)); // the chunk's buffer is reused
          bytesDone += chunk.length;
          opts.onProgress?.({ bytesDone, bytesTotal, file });
        },
        stop.signal,
      );
    } finally {
      // Finished even when the read threw: a hash left open would keep its worker busy.
      if (path !== undefined && sha256 && sha512) {
        const digests = Promise.all([sha256.digest(), sha512.digest()]);
        recorded.push(
          digests.then(([sha256Hex, sha512Hex]) => {
            files.set(path, {
              size: e.uncompressedSize,
              state: problem ? 'failed' : 'read',
              sha256: sha256Hex,
              sha512: sha512Hex,
              ...(keep && !problem ? { bytes: concatBytes(chunks) } : {}),
            });
          }),
        );
      }
    }
    if (problem) problems.set(e, entryPhrase(e, problem));
  };
  const lane = async (entries: ZipEntry[]): Promise<void> => {
    try {
      for (const e of entries) await readOne(e);
    } catch (err) {
      firstFailure ??= { err };
      stop.abort();
    }
  };
  // lanes settle only once their last read has ended; none rejects
  await Promise.all(
    archive.source.decryptsOnRead
      ? [lane(toRead)]
      : [
          lane(toRead.filter((e) => e.uncompressedSize > OWN_LANE_BYTES)),
          lane(toRead.filter((e) => e.uncompressedSize <= OWN_LANE_BYTES)),
        ],
  );
  opts.signal?.removeEventListener('abort', stopOnCancel);
  await Promise.allSettled(recorded);
  if (firstFailure) throw firstFailure.err;
  await Promise.all(recorded);
  return toRead.flatMap((e) => (problems.has(e) ? [problems.get(e)!] : []));
}

/** The entries whose bytes are kept: the metadata, the file captured, and payload files `keep` wants, in file order while they fit its bound. */
function keptEntries(toRead: ZipEntry[], pathOf: Map<ZipEntry, string>, opts: InspectOptions): Set<ZipEntry> {
  let keptBytes = 0;
  const kept = new Set<ZipEntry>();
  for (const e of toRead) {
    const path = pathOf.get(e);
    if (path === undefined) continue;
    if (isMetadata(path) || path === opts.capture?.path) kept.add(e);
    else if (opts.keep?.wanted(path) && keptBytes + e.uncompressedSize <= opts.keep.maxBytes) {
      keptBytes += e.uncompressedSize;
      kept.add(e);
    }
  }
  return kept;
}
