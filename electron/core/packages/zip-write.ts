import { pipeline } from 'node:stream/promises';
import { crc32 } from '../crc32';
import { JejakError } from '../errors';
import { mapInTurns } from '../in-turns';
import type { DigestStream, Digests } from './digest';
import { cancelled, throwIfAborted } from './operation';
import { CHUNK } from './zip-read';
import { rawDeflate } from './releasing-deflate';
import {
  centralRecord,
  dataDescriptor,
  dosDateTime,
  endRecords,
  localHeader,
  localSizes,
  needsZip64,
  needsZip64End,
  type DosTime,
  type EntryRecord,
} from './zip-records';

/**
 * Where a package is written with positional writes: the file itself, or (encrypted) the sealed
 * scratch file its ZIP passes through. A FileHandle is one.
 */
export interface PositionalWriter {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
}

/** Writes all of `buffer` at `position`, finishing a short write. */
export async function writeAll(handle: PositionalWriter, buffer: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < buffer.length;) {
    const { bytesWritten } = await handle.write(buffer, done, buffer.length - done, position + done);
    done += bytesWritten;
  }
}

/** Central directory records made between turns (turns are also taken by time). */
const CENTRAL_RECORDS_PER_TURN = 2_000;

/** Entries declared smaller than this cannot need ZIP64, even deflated (deflate grows data by < 0.1%). */
const PATCHABLE = 0xf0000000;

/** What an entry's local header says before its bytes, when they are known. */
interface KnownEntry {
  crc: number;
  size: number;
  compressedSize: number;
}

/**
 * Streams a ZIP into a file, one entry at a time, so memory stays bounded by the stream buffers.
 * CRC-32 comes from the DigestStream, natively (yazl's JavaScript CRC alone capped writing at about
 * 240 MB/s). An entry of known size gets its CRC and sizes written back into its local header after
 * the data, so it needs no data descriptor: Java's ZipInputStream refuses stored entries with one,
 * and 7-Zip 9.20 any. Only an entry of unknown size falls back to a descriptor.
 *
 * `inOrder`: every byte is written once, front to back, so the target may be a stream (an age file
 * being sealed) rather than a file to go back into. Each entry's header is then complete before its
 * bytes: a hashed file's CRC is the one its caller knows (the vault's record of an original, the one
 * the report PDF's bytes were taken with), and a streamed entry is held in memory (text, deflated)
 * until its CRC is known: the caller asks for this only when every such entry is small (canWriteInOrder).
 */
export class ZipWriter {
  private position = 0;
  private readonly entries: Array<{ record: EntryRecord; zip64: boolean }> = [];
  private readonly when: DosTime;

  constructor(
    private readonly handle: PositionalWriter,
    mtime: Date,
    private readonly signal?: AbortSignal,
    private readonly inOrder = false,
  ) {
    this.when = dosDateTime(mtime);
  }

  private async write(buffer: Uint8Array): Promise<void> {
    await writeAll(this.handle, buffer, this.position);
    this.position += buffer.length;
  }

  /**
   * Streams `source` through `digest` (which sees the uncompressed bytes and must fail the stream if
   * they are not `size` bytes) into a new entry. With `releasable`, each chunk of `source` is new and
   * used by nothing else: once compressed, its memory is given back at once (rawDeflate).
   */
  async addStream(
    name: string,
    source: NodeJS.ReadableStream,
    digest: DigestStream,
    compress: boolean,
    size?: number,
    releasable = false,
  ): Promise<void> {
    const method = compress ? 8 : 0;
    const plain = size !== undefined && size < PATCHABLE;
    // in order, an entry that fits a plain header is held until its CRC and compressed size are known
    const held: Buffer[] | null = this.inOrder && plain ? [] : null;
    const record = held ? null : await this.openEntry(name, method, !plain);
    let compressedSize = 0;
    const sink = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
      let batch: Buffer[] = [];
      let batched = 0;
      const flush = async (): Promise<void> => {
        const bytes = batch.length === 1 ? (batch[0] as Buffer) : Buffer.concat(batch);
        if (held) held.push(bytes);
        else await this.write(bytes);
        compressedSize += batched;
        batch = [];
        batched = 0;
      };
      for await (const chunk of chunks) {
        batch.push(chunk);
        batched += chunk.length;
        if (batched >= CHUNK) await flush();
      }
      await flush();
    };
    try {
      if (compress) await pipeline(source, digest, rawDeflate(releasable), sink, { signal: this.signal });
      else await pipeline(source, digest, sink, { signal: this.signal });
    } catch (err) {
      throw this.signal?.aborted ? cancelled() : err;
    }
    const d = digest.digests as Digests;
    if (record) {
      record.compressedSize = compressedSize;
      await this.closeEntry(record, d);
      return;
    }
    const entry = await this.openEntry(name, method, false, { crc: d.crc32, size: d.size, compressedSize });
    for (const bytes of held!) await this.write(bytes);
    await this.closeEntry(entry, d);
  }

  /**
   * Writes chunks already hashed elsewhere (the hashing worker, the drawing thread) into a new stored
   * entry, each before asking for the next; `finish` gets the byte count and gives the digests (or
   * fails the entry). With `knownCrc32` (what the caller recorded of these bytes) the header is
   * written whole before the bytes, and their digests are not waited for: the next entry is written
   * while the worker finishes this one's hashes, and `checked` fails if they differ from the record
   * (the caller must await it before it trusts the archive). Without, in order, the entry is refused.
   */
  async addHashed(
    name: string,
    chunks: AsyncIterable<Uint8Array>,
    size: number,
    finish: (size: number) => Promise<Digests>,
    knownCrc32?: number,
  ): Promise<{ checked: Promise<Digests> }> {
    const streamed = size >= PATCHABLE;
    if (this.inOrder && !streamed && knownCrc32 === undefined)
      throw new JejakError('INTERNAL', `${name} has no CRC-32 to write in order.`);
    const known = !streamed && knownCrc32 !== undefined ? { crc: knownCrc32, size, compressedSize: size } : undefined;
    const record = await this.openEntry(name, 0, streamed, known);
    let written = 0;
    for await (const chunk of chunks) {
      throwIfAborted(this.signal);
      await this.write(chunk);
      written += chunk.length;
    }
    record.compressedSize = written;
    if (!known) {
      const d = await finish(written);
      await this.closeEntry(record, d);
      return { checked: Promise.resolve(d) };
    }
    // its place in the central directory is here, whenever its check ends
    this.entries.push({ record, zip64: needsZip64(record) });
    const checked = finish(written).then((d) => {
      if (record.crc !== d.crc32 || record.size !== d.size)
        throw new JejakError(
          'INTEGRITY',
          `${name} does not have the CRC-32 recorded for it in the vault: its bytes changed.`,
        );
      return d;
    });
    checked.catch(() => undefined); // raised where the caller awaits it
    return { checked };
  }

  /** A new entry's record and local header, its CRC and sizes given or to come (closeEntry). */
  private async openEntry(name: string, method: 0 | 8, streamed: boolean, known?: KnownEntry): Promise<EntryRecord> {
    const record: EntryRecord = {
      name: Buffer.from(name),
      method,
      streamed,
      crc: known?.crc ?? 0,
      compressedSize: known?.compressedSize ?? 0,
      size: known?.size ?? 0,
      offset: this.position,
      when: this.when,
    };
    await this.write(localHeader(record));
    return record;
  }

  /**
   * The entry's CRC and sizes: in a data descriptor after a streamed entry, else written back into
   * its local header (in order, its header was written whole before its bytes).
   */
  private async closeEntry(record: EntryRecord, d: Digests): Promise<void> {
    record.crc = d.crc32;
    record.size = d.size;
    const zip64 = needsZip64(record);
    if (record.streamed) await this.write(dataDescriptor(record, zip64));
    else if (!this.inOrder) await writeAll(this.handle, localSizes(record), record.offset + 14);
    this.entries.push({ record, zip64 });
  }

  /** A small entry, stored, with its sizes in the local header. */
  async addBuffer(name: string, data: Buffer): Promise<void> {
    throwIfAborted(this.signal);
    const record: EntryRecord = {
      name: Buffer.from(name),
      method: 0,
      streamed: false,
      crc: crc32(data),
      compressedSize: data.length,
      size: data.length,
      offset: this.position,
      when: this.when,
    };
    await this.write(Buffer.concat([localHeader(record), data]));
    this.entries.push({ record, zip64: needsZip64(record) });
  }

  /** Writes the central directory and end records; returns the archive's size. */
  async finish(): Promise<number> {
    throwIfAborted(this.signal);
    const cdOffset = this.position;
    // in turns: at 20,000 entries the records held the thread 30 ms, with a collection 100 (a few
    // microseconds each: by the default count, 100 a turn, their turns took longer than they did)
    const central = Buffer.concat(
      await mapInTurns(this.entries, ({ record, zip64 }) => centralRecord(record, zip64), CENTRAL_RECORDS_PER_TURN),
    );
    const count = this.entries.length;
    await this.write(
      Buffer.concat([
        central,
        endRecords(count, cdOffset, central.length, needsZip64End(count, cdOffset, central.length)),
      ]),
    );
    return this.position;
  }
}
