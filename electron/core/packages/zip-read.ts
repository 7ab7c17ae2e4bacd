import { JejakError } from '../errors';
import { u16, utf8 } from './bytes';
import { cancelled } from './operation';
import { inEnglish, type Phrase, say } from './phrases';
import type { ByteSource, Platform } from './platform';
import {
  checkLocalHeader,
  descriptorLength,
  DESCRIPTOR_MAX,
  FLAG_DESCRIPTOR,
  LOCAL_FIXED,
  parseCentralDirectory,
  parseEnd,
  TAIL_SIZE,
  ZipFormatError,
  type CentralEntry,
  type EndRecord,
} from './zip-format';

/**
 * Reads a ZIP in place, never extracting: the structure is checked from the central directory and
 * local headers, and entry data is streamed from the file straight into whoever consumes it.
 */

export const CHUNK = 1 << 20;
/** A central directory this large would mean hundreds of thousands of entries or huge names. */
const MAX_CENTRAL_DIRECTORY = 64 << 20;

/** An archive over a limit of this reader; `phrase` says which. */
export class ZipLimitError extends Error {
  constructor(readonly phrase: Phrase) {
    super(inEnglish(phrase));
  }
}

export interface ZipEntry extends CentralEntry {
  /** where the entry's (compressed) data begins; set once its local header checks out */
  dataStart?: number;
}

export interface ZipArchive {
  source: ByteSource;
  fileSize: number;
  end: EndRecord;
  entries: ZipEntry[];
  /** CHUNK buffers stored entries are read into, kept from one entry to the next (readRange) */
  spare: Uint8Array[];
}

async function readAt(source: ByteSource, length: number, position: number): Promise<Uint8Array> {
  const buf = await source.read(position, length);
  if (buf.length !== length) throw new ZipFormatError(say('check.zip.endedEarly'));
  return buf;
}

export function entryLabel(e: CentralEntry): string {
  const name = utf8(e.nameRaw);
  return JSON.stringify(name.length > 160 ? `${name.slice(0, 160)}…` : name);
}

/** "entry "NAME" PROBLEM" */
export const entryPhrase = (e: CentralEntry, problem: Phrase): Phrase =>
  say('check.entry', { entry: entryLabel(e), problem });

/** The end records and central directory. Throws ZipFormatError or ZipLimitError. */
export async function readArchive(source: ByteSource, maxEntries: number): Promise<ZipArchive> {
  const fileSize = source.size;
  const tailLength = Math.min(TAIL_SIZE, fileSize);
  const end = parseEnd(await readAt(source, tailLength, fileSize - tailLength), fileSize);
  if (end.entryCount > maxEntries)
    throw new ZipLimitError(say('check.zipLimits.entries', { count: end.entryCount, limit: maxEntries }));
  if (end.cdSize > MAX_CENTRAL_DIRECTORY)
    throw new ZipLimitError(
      say('check.zipLimits.centralDirectory', { bytes: end.cdSize, limit: MAX_CENTRAL_DIRECTORY }),
    );
  const entries = parseCentralDirectory(await readAt(source, end.cdSize, end.cdOffset), end.entryCount);
  return { source, fileSize, end, entries, spare: [] };
}

/**
 * Local headers being read ahead of the one checked. Read one after the other, each a wait on
 * libuv's pool, the 3,015 headers of a 3,000-item package took 245-295 ms; 70-90 ms now.
 */
const HEADERS_AHEAD = 16;

/** The local headers being checked while the data is read (startLocalHeaderMap). */
export interface LocalHeaderMap {
  /** Resolves once the entry's local header is checked: its `dataStart` is set if it checks out. */
  located(e: ZipEntry): Promise<void>;
  /** The structure's problems, once every header is checked; throws ZipFormatError or ZipLimitError. */
  done: Promise<Phrase[]>;
}

/**
 * Checks every local header and data descriptor against the central directory, and that the
 * entries tile the file from byte 0 to the central directory with no gap and no overlap: no
 * hidden bytes, and no two names sharing data (the overlap trick of some zip bombs). Runs while
 * the caller reads each entry's data once `located`: checked first, in a pass of their own, the
 * 3,015 headers of a 3,000-item package held up the reading 70-90 ms, with the hashing worker idle.
 */
export function startLocalHeaderMap(archive: ZipArchive): LocalHeaderMap {
  const waits = new Map<ZipEntry, () => void>();
  const locations = new Map(
    archive.entries.map((e) => [e, new Promise<void>((resolve) => waits.set(e, resolve))] as const),
  );
  const done = mapLocalHeaders(archive, (e) => waits.get(e)?.()).finally(() => {
    // an entry the map never reached (it stopped at a header it could not read) has no dataStart
    for (const locate of waits.values()) locate();
  });
  done.catch(() => undefined); // raised where it is awaited
  return { located: (e) => locations.get(e) ?? Promise.resolve(), done };
}

async function mapLocalHeaders(archive: ZipArchive, located: (e: ZipEntry) => void): Promise<Phrase[]> {
  const problems: Phrase[] = [];
  const order = [...archive.entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const mapped: Promise<number | Phrase>[] = [];
  const readAhead = (upTo: number) => {
    while (mapped.length < Math.min(upTo, order.length)) {
      const mapping = mapEntry(archive, order[mapped.length] as ZipEntry);
      mapping.catch(() => undefined); // raised where it is awaited, in order
      mapped.push(mapping);
    }
  };
  let expected: number | null = 0;
  try {
    for (const [i, e] of order.entries()) {
      readAhead(i + 1 + HEADERS_AHEAD);
      if (expected !== null && e.localHeaderOffset !== expected) {
        const where = { entry: entryLabel(e), at: e.localHeaderOffset, expected };
        problems.push(say(e.localHeaderOffset > expected ? 'check.zip.gapBefore' : 'check.zip.overlap', where));
      }
      const end = await (mapped[i] as Promise<number | Phrase>);
      if (typeof end !== 'number') {
        problems.push(entryPhrase(e, end));
        e.problem ??= end;
        expected = null;
      } else {
        expected = end;
      }
      located(e);
    }
  } finally {
    // no read still running once this returns or throws: the caller may close the source
    await Promise.allSettled(mapped);
  }
  if (expected !== null && expected !== archive.end.cdOffset) {
    problems.push(say('check.zip.gapAtEnd', { bytes: archive.end.cdOffset - expected }));
  }
  return problems;
}

/** Read with a local header's fixed part, so that its name and a usual extra field come in the same read. */
const HEADER_SLACK = 128;

async function mapEntry(archive: ZipArchive, e: ZipEntry): Promise<number | Phrase> {
  const limit = archive.end.cdOffset;
  if (e.localHeaderOffset + LOCAL_FIXED > limit) return say('check.entry.pastEntries');
  const wanted = Math.min(LOCAL_FIXED + e.nameRaw.length + HEADER_SLACK, limit - e.localHeaderOffset);
  const first = await readAt(archive.source, wanted, e.localHeaderOffset);
  const fixed = first.subarray(0, LOCAL_FIXED);
  const variableLength = u16(fixed, 26) + u16(fixed, 28);
  if (e.localHeaderOffset + LOCAL_FIXED + variableLength > limit) return say('check.entry.headerIntoDirectory');
  const variable =
    LOCAL_FIXED + variableLength <= first.length
      ? first.subarray(LOCAL_FIXED, LOCAL_FIXED + variableLength)
      : await readAt(archive.source, variableLength, e.localHeaderOffset + LOCAL_FIXED);
  const headerLength = checkLocalHeader(e, fixed, variable);
  if (typeof headerLength !== 'number') return headerLength;
  const dataStart = e.localHeaderOffset + headerLength;
  const dataEnd = dataStart + e.compressedSize;
  if (dataEnd > limit) return say('check.entry.dataIntoDirectory');
  let entryEnd = dataEnd;
  if (e.flags & FLAG_DESCRIPTOR) {
    const after = await readAt(archive.source, Math.min(DESCRIPTOR_MAX, limit - dataEnd), dataEnd);
    const length = descriptorLength(e, after);
    if (length === null) return say('check.entry.noDescriptor');
    entryEnd += length;
  }
  if (!e.problem) e.dataStart = dataStart;
  return entryEnd;
}

/**
 * Reads a byte range in CHUNK pieces, telling `onError` of a failed read (ours, not the package's).
 * The next piece is already being read while the consumer works on this one. With `spare` (a
 * consumer done with each chunk before asking for the next) and a source that can read into a
 * buffer, two buffers taken from `spare` take turns instead of a new one for every piece.
 */
async function* readRange(
  source: ByteSource,
  start: number,
  length: number,
  onError: (err: unknown) => void,
  spare?: Uint8Array[],
): AsyncGenerator<Uint8Array> {
  const pair = spare && source.readInto ? [takeBuffer(spare), takeBuffer(spare)] : null;
  let turn = 0;
  const readAt = (done: number): Promise<Uint8Array> => {
    const want = Math.min(CHUNK, length - done);
    let reading: Promise<Uint8Array>;
    if (pair && source.readInto) {
      const target = (pair[turn++ % 2] as Uint8Array).subarray(0, want);
      reading = source.readInto(target, start + done).then((n) => target.subarray(0, n));
    } else reading = source.read(start + done, want);
    reading.catch(() => undefined); // raised where it is awaited, unless the consumer stopped first
    return reading;
  };
  let next = length > 0 ? readAt(0) : null;
  try {
    for (let done = 0; next;) {
      let chunk: Uint8Array;
      try {
        chunk = await next;
      } catch (err) {
        next = null;
        onError(err);
        throw err;
      }
      if (chunk.length === 0) throw new ZipFormatError(say('check.entry.shorter'));
      done += chunk.length;
      next = done < length ? readAt(done) : null;
      yield chunk;
    }
  } finally {
    // a buffer goes back only once no read is still filling it
    if (pair) {
      await next?.catch(() => undefined);
      spare?.push(...pair);
    }
  }
}

function takeBuffer(spare: Uint8Array[]): Uint8Array {
  return spare.pop() ?? new Uint8Array(CHUNK);
}

/**
 * Streams one entry's uncompressed bytes to `onChunk`, checking them as they come: never more than
 * the declared size (a bomb stops at its first surplus byte), exactly that size, and its CRC-32.
 * `onChunk` may return a promise, waited for before the next chunk; the chunk is the consumer's only
 * until then (its buffer is reused: copy what is kept). Returns what is wrong with the
 * data, or null. Throws only for failures on our side (UNREADABLE I/O, a hashing failure that
 * `onChunk` throws as a JejakError) and cancellation (CANCELLED).
 */
export async function readEntryData(
  archive: ZipArchive,
  e: ZipEntry,
  platform: Platform,
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<Phrase | null> {
  if (e.dataStart === undefined) return e.problem ?? say('check.entry.notLocated');
  let count = 0;
  let crc = 0;
  const consume = (chunk: Uint8Array): void | Promise<void> => {
    count += chunk.length;
    if (count > e.uncompressedSize)
      throw new ZipFormatError(say('check.entry.holdsMore', { bytes: e.uncompressedSize }));
    crc = platform.crc32(chunk, crc);
    return onChunk(chunk);
  };
  if (e.compressedSize === 0) {
    if (e.method !== 0) return say('check.entry.noData');
  } else {
    let ioError: unknown;
    // zlib may hold on to its input chunks: those have buffers of their own
    const spare = e.method === 0 ? archive.spare : undefined;
    const raw = readRange(archive.source, e.dataStart, e.compressedSize, (err) => (ioError = err), spare);
    try {
      for await (const chunk of e.method === 8 ? platform.inflateRaw(raw) : raw) {
        if (signal?.aborted) throw cancelled();
        await consume(chunk);
      }
    } catch (err) {
      if (signal?.aborted) throw cancelled();
      if (ioError) throw new JejakError('UNREADABLE', `The package could not be read: ${(ioError as Error).message}`);
      // our own failure (the hashing worker's), not something wrong with the package
      if (err instanceof JejakError) throw err;
      return err instanceof ZipFormatError
        ? err.phrase
        : say('check.entry.damaged', { reason: (err as Error).message });
    }
  }
  if (count !== e.uncompressedSize) return say('check.entry.sizeDiffers', { count, bytes: e.uncompressedSize });
  if (crc !== e.crc32) return say('check.entry.crc');
  return null;
}
