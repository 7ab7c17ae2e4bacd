import { crc32 } from '../crc32';
import { throwIfAborted, type OperationOptions } from './operation';
import type { ByteSource } from './platform';
import type { PositionalWriter } from './zip-write';
import { CHUNK, type ZipArchive } from './zip-read';
import { centralRecord, dosDateTime, endRecords, localHeader, MAX16, MAX32, type EntryRecord } from './zip-records';

/**
 * Adds files to an existing archive without touching a byte of it: the new file is the old one's
 * entries copied raw, the new entries, the old central directory copied raw, the new central
 * records, and fresh end records. Old entries keep their offsets, so their records stay valid.
 */

export interface NewEntry {
  name: string;
  data: Buffer;
}

async function copyRange(
  from: ByteSource,
  to: PositionalWriter,
  start: number,
  length: number,
  at: number,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  for (let done = 0; done < length;) {
    throwIfAborted(signal);
    const want = Math.min(CHUNK, length - done);
    const buffer = await from.read(start + done, want);
    if (buffer.length !== want) throw new Error('The package got shorter while it was being copied.');
    const { bytesWritten } = await to.write(buffer, 0, want, at + done);
    if (bytesWritten !== want) throw new Error('Short write while copying the package.');
    done += want;
    onBytes(want);
  }
}

/** Writes `source` plus `entries` (stored, each small) into `out`; returns the new file's size. */
export async function appendEntries(
  source: ZipArchive,
  out: PositionalWriter,
  entries: readonly NewEntry[],
  mtime: Date,
  opts: OperationOptions,
): Promise<number> {
  const { cdOffset, cdSize, entryCount } = source.end;
  let done = 0;
  const onBytes = (n: number): void => {
    done += n;
    opts.onProgress?.({ bytesDone: done, bytesTotal: source.fileSize, file: 'copy' });
  };
  await copyRange(source.source, out, 0, cdOffset, 0, onBytes, opts.signal);
  let position = cdOffset;
  const when = dosDateTime(mtime);
  const records: EntryRecord[] = entries.map((e) => {
    const name = Buffer.from(e.name, 'utf8');
    const record: EntryRecord = {
      name,
      method: 0,
      streamed: false,
      crc: crc32(e.data),
      compressedSize: e.data.length,
      size: e.data.length,
      offset: position,
      when,
    };
    position += 30 + name.length + e.data.length;
    return record;
  });
  const locals = Buffer.concat(entries.flatMap((e, i) => [localHeader(records[i] as EntryRecord), e.data]));
  await out.write(locals, 0, locals.length, cdOffset);
  const newCdOffset = position;
  await copyRange(source.source, out, cdOffset, cdSize, newCdOffset, onBytes, opts.signal);
  const count = entryCount + entries.length;
  // A ZIP64 source stays ZIP64 (its old records may rely on it), and so do the new records.
  const zip64 = source.end.zip64 || count >= MAX16 || newCdOffset >= MAX32;
  const central = Buffer.concat(records.map((r) => centralRecord(r, zip64)));
  const tail = Buffer.concat([central, endRecords(count, newCdOffset, cdSize + central.length, zip64)]);
  await out.write(tail, 0, tail.length, newCdOffset + cdSize);
  return newCdOffset + cdSize + tail.length;
}
