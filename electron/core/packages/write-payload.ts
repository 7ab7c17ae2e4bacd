import { JejakError } from '../errors';
import type { OffThreadDigest } from '../off-thread-digest';
import { giveBackHeapIfLarge } from '../v8-settings';
import { MAX_REPORT_JSON_BYTES } from '../../common/limits';
import { parseEvidencePath, REPORT_JSON } from './bag-names';
import { DigestStream, type Digests } from './digest';
import { hashedOneAhead, type StartedFile } from './hashed-ahead';
import { throwIfAborted, type OperationOptions } from './operation';
import type { ZipWriter } from './zip-write';

/** The payload's files and how each is hashed while it is written into the package's ZIP. */

interface PayloadCommon {
  /** relative to data/: report.pdf, report.json, channels.csv, custody.jsonl or evidence/<seq>-<sha256 first 12>.<ext> */
  path: string;
  /** if given, the bytes must hash to this or the export fails with INTEGRITY */
  expectedSha256?: string;
  /**
   * With expectedSha256: the SHA-512 recorded for those same bytes (the vault hashed both at
   * intake). It is taken instead of hashing again, and only once the SHA-256 computed here has
   * matched, so the manifest still describes exactly the bytes written. Saves a second of CPU per GiB.
   */
  knownSha512?: string;
}

export interface StreamedFile extends PayloadCommon {
  /** a stream of the file's bytes, opened once by the writer; a 1 MiB highWaterMark keeps hashing fast */
  open(): NodeJS.ReadableStream;
  /** if given (the vault knows it): the byte count must match, the entry needs no data descriptor, and progress has a total */
  size?: number;
  /** each chunk of the stream is new and used by nothing else: the writer gives its memory back once written */
  releasable?: boolean;
  later?: never;
  hashedInto?: never;
}

/**
 * A later file's bytes once made, with what was worked out as they were made (the drawing thread
 * hashes the PDF as it draws it): their count, CRC-32 and digests, and the bytes, read once, in order.
 */
export interface LaterBytes {
  readonly size: number;
  readonly crc32: number;
  readonly sha256: string;
  readonly sha512: string;
  /** the bytes in order; a chunk may be reused for the next once that is asked for */
  chunks(): AsyncIterable<Uint8Array>;
}

/**
 * Bytes still being made while the other files stream (the report PDF, drawn while the evidence
 * flows): written into the ZIP after the streamed files, once ready. Its manifest line keeps its
 * place in the payload's order.
 */
export interface LaterFile extends PayloadCommon {
  later: Promise<LaterBytes>;
  open?: never;
  size?: never;
  hashedInto?: never;
}

/**
 * A file whose bytes arrive already hashed on the hashing worker (a vault original, decrypted there
 * too): this thread only writes them into the ZIP, stored.
 */
export interface HashedFile extends PayloadCommon {
  /** the byte count: it must match */
  size: number;
  /** the CRC-32 the vault recorded for these bytes: with it the entry can be written in order (ZipWriter) */
  knownCrc32?: number;
  /** the bytes, each chunk hashed into `digest` before it is yielded and reusable once the next is asked for */
  hashedInto(digest: OffThreadDigest): AsyncIterable<Uint8Array>;
  open?: never;
  later?: never;
}

export type PayloadFile = StreamedFile | LaterFile | HashedFile;

/** Text deflates well; media and PDF are already compressed, so storing them costs nothing and is faster. */
const DEFLATED = /\.(json|jsonl|csv|txt)$/;

/** A stored file streamed in up to this size may be held in memory to be written in order. */
const HELD_STORED_BYTES = 16 * 1024 * 1024;

/**
 * Whether the ZIP can be written front to back (ZipWriter's `inOrder`) with memory bounded: each
 * original hashed off-thread has its CRC known, and every other file is text (held deflated), a
 * small stream, or a later file (its CRC comes with its bytes).
 */
export function canWriteInOrder(payload: readonly PayloadFile[]): boolean {
  return payload.every((f) =>
    f.hashedInto
      ? f.knownCrc32 !== undefined
      : f.later !== undefined || DEFLATED.test(f.path) || (f.size ?? Infinity) <= HELD_STORED_BYTES,
  );
}

function integrityProblem(file: PayloadFile, size: number | undefined, d: Digests): string | null {
  if (size !== undefined && d.size !== size) return `${file.path} gave ${d.size} bytes, not the expected ${size}.`;
  if (file.expectedSha256 !== undefined && d.sha256 !== file.expectedSha256)
    return `${file.path} does not have its recorded SHA-256: its bytes changed.`;
  const prefix = parseEvidencePath(file.path)?.sha256Prefix;
  if (prefix !== undefined && !d.sha256.startsWith(prefix))
    return `${file.path} is named for SHA-256 ${prefix}… but its bytes hash to ${d.sha256.slice(0, 12)}….`;
  return null;
}

export async function addPayload(
  zip: ZipWriter,
  name: string,
  payload: readonly PayloadFile[],
  opts: OperationOptions,
): Promise<{ digests: Digests[]; reportText: () => Iterable<string> }> {
  const streamed = payload.filter((f): f is StreamedFile | HashedFile => !f.later);
  // the later files' sizes join the total when they are ready
  let bytesTotal = streamed.every((f) => f.size !== undefined)
    ? streamed.reduce((n, f) => n + (f.size ?? 0), 0)
    : undefined;
  let bytesDone = 0;
  const digests: Digests[] = [];
  // report.json's bytes, kept as they came (off the heap) until the caller checks them
  let reportText: () => Iterable<string> = () => [];
  const add = async (index: number, file: StreamedFile) => {
    const size = file.size;
    throwIfAborted(opts.signal);
    const through = new DigestStream({
      onBytes: (n) => {
        bytesDone += n;
        opts.onProgress?.({ bytesDone, bytesTotal, file: `data/${file.path}` });
      },
      check: (d) => integrityProblem(file, size, d),
      ...(file.knownSha512 !== undefined ? { knownSha512: file.knownSha512 } : {}),
      ...(size !== undefined ? { size } : {}),
      ...(file.path === REPORT_JSON ? { keepUpTo: MAX_REPORT_JSON_BYTES } : {}),
    });
    await zip.addStream(
      `${name}/data/${file.path}`,
      file.open(),
      through,
      DEFLATED.test(file.path),
      size,
      file.releasable,
    );
    digests[index] = through.digests as Digests;
    if (file.path === REPORT_JSON) reportText = through.takeKept();
  };
  const counted = async function* (file: PayloadFile, chunks: AsyncIterable<Uint8Array>) {
    for await (const chunk of chunks) {
      bytesDone += chunk.length;
      opts.onProgress?.({ bytesDone, bytesTotal, file: `data/${file.path}` });
      yield chunk;
    }
  };
  // An original's digests come back from the worker while the next one is written (its entry's
  // header, with the CRC the vault recorded, is written first): the first that fails its check
  // stops the package at the next original, and every check has ended before the digests are used.
  let checks: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const addHashed = async ({ index, file, digest, chunks, stop }: StartedFile) => {
    let written: { checked: Promise<Digests> };
    try {
      if (failure) throw failure.error;
      throwIfAborted(opts.signal);
      written = await zip.addHashed(
        `${name}/data/${file.path}`,
        counted(file, chunks),
        file.size,
        async (size: number) => {
          const d = await digest.digest();
          const found = { sha256: d.sha256!, sha512: d.sha512 ?? file.knownSha512!, crc32: d.crc32!, size };
          const problem = integrityProblem(file, file.size, found);
          if (problem) throw new JejakError('INTEGRITY', problem);
          return found;
        },
        file.knownCrc32,
      );
    } catch (e) {
      await stop();
      throw e;
    }
    const checked = written.checked.then(
      (d) => void (digests[index] = d),
      (error: unknown) => void (failure ??= { error }),
    );
    checks = checks.then(() => checked);
  };
  for (const [i, file] of payload.entries()) if (file.open) await add(i, file);
  // Largest first (the manifests keep the payload's order): an original is hashed on one core, and
  // the largest, written last, had that core to itself at the end while the other had nothing left.
  const hashed = [...payload.entries()]
    .filter((e): e is [number, HashedFile] => e[1].hashedInto !== undefined)
    .sort(([i, a], [j, b]) => b.size - a.size || i - j);
  // The files streamed so far are written, and what they were made of (an export's custody lines,
  // the texts' buffers) is garbage: collected before the originals stream for long.
  if (hashed.length > 0 && payload.some((f) => f.open)) await giveBackHeapIfLarge();
  for await (const started of hashedOneAhead(hashed)) await addHashed(started);
  await checks;
  if (failure) throw failure.error;
  for (const [i, file] of payload.entries()) {
    if (!file.later) continue;
    const bytes = await file.later;
    if (bytesTotal !== undefined) bytesTotal += bytes.size;
    throwIfAborted(opts.signal);
    // Hashed as they were made (the report PDF on its drawing thread) and kept sealed since, the
    // bytes are not hashed again: at 3,000 items the export's end read back 34 MB of PDF and sent
    // it through the hashing worker, holding up to 45 MiB of chunks on the way.
    const written = await zip.addHashed(
      `${name}/data/${file.path}`,
      counted(file, bytes.chunks()),
      bytes.size,
      async (size) => {
        const found = { sha256: bytes.sha256, sha512: bytes.sha512, crc32: bytes.crc32, size };
        const problem = integrityProblem(file, bytes.size, found);
        if (problem) throw new JejakError('INTEGRITY', problem);
        return found;
      },
      bytes.crc32,
    );
    digests[i] = await written.checked;
  }
  return { digests, reportText };
}
