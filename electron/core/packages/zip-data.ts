import { JejakError } from '../errors';
import { isMetadata } from './bag-names';
import { concatBytes, utf8 } from './bytes';
import type { FileFacts } from './checks';
import type { InspectOptions } from './inspect';
import { type Phrase, say } from './phrases';
import type { Platform } from './platform';
import { entryPhrase, readEntryData, type LocalHeaderMap, type ZipArchive, type ZipEntry } from './zip-read';

/** A ZIP's entries against the verifier's limits, and each entry's data read, checked and hashed. */

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
  let keptBytes = 0;
  const keepPayload = (path: string, size: number): boolean => {
    if (!opts.keep?.wanted(path) || keptBytes + size > opts.keep.maxBytes) return false;
    keptBytes += size;
    return true;
  };
  const problems: Phrase[] = [];
  // Each file's digests are only awaited at the end: the worker finishes one file's SHA-512 while
  // the next file is read, instead of this thread waiting for it file by file.
  const recorded: Promise<void>[] = [];
  try {
    for (const e of toRead) {
      await headers.located(e);
      if (e.dataStart === undefined) continue; // its header did not check out: nothing to read
      const path = pathOf.get(e);
      // Entries outside the bag (already invalid) are only checked for readability, not hashed.
      const sha256 = path === undefined ? undefined : platform.sha256();
      const sha512 = path === undefined ? undefined : platform.sha512(e.uncompressedSize);
      const keep =
        path !== undefined &&
        (isMetadata(path) || path === opts.capture?.path || keepPayload(path, e.uncompressedSize));
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
          opts.signal,
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
      if (problem) problems.push(entryPhrase(e, problem));
    }
  } finally {
    await Promise.allSettled(recorded);
  }
  await Promise.all(recorded);
  return problems;
}
