import { centralRecord, type EntryRecord } from './zip-records';

/** The directory's bytes are kept in pieces of this size (a record is about 100 bytes). */
const PIECE = 64 * 1024;

/**
 * A ZIP's central directory, each entry's record made as the entry is closed and kept as bytes.
 * Kept as objects to the end (each record, its name as a Buffer, a wrapper), the 20,000 entries of
 * an export were about 5 MiB of its heap while the report PDF was drawn, its peak; as bytes, 2 MB.
 */
export class CentralDirectory {
  count = 0;
  size = 0;
  private readonly full: Buffer[] = [];
  private piece = Buffer.allocUnsafe(PIECE);
  private used = 0;

  add(record: EntryRecord, zip64: boolean): void {
    const bytes = centralRecord(record, zip64);
    if (this.used + bytes.length > this.piece.length) {
      this.full.push(this.piece.subarray(0, this.used));
      this.piece = Buffer.allocUnsafe(Math.max(PIECE, bytes.length));
      this.used = 0;
    }
    this.used += bytes.copy(this.piece, this.used);
    this.count++;
    this.size += bytes.length;
  }

  /** The records in the order they were added. */
  pieces(): Buffer[] {
    return [...this.full, this.piece.subarray(0, this.used)];
  }
}
