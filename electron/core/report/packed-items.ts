import { deserialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ReportEvidence } from '../../common/report-json';
import { releaseNow } from '../release-now';

/** The report's items as the PDF's drawing reads them: their count, and each by its index. */
export interface EvidenceList {
  readonly length: number;
  at(index: number): ReportEvidence | undefined;
}

interface Batch {
  start: number;
  count: number;
  /** the batch's items, v8-serialized and deflated, until they are first read */
  packed: Buffer | null;
  items: ReportEvidence[] | null;
}

/**
 * The report's items on the drawing thread, as the export's thread sends them (v8-serialized, a
 * batch per message), held deflated until the drawing reaches them; a batch is unpacked when its
 * first item is read, and let go of once the drawing is two batches on. As objects, the 20,000 items
 * of a case took 18 MiB of the drawing thread's heap as the drawing began; deflated (level 1), they
 * are 3.4 MB off its heap (11.7 MB serialized), for 4.6 ms a batch of 500 to deflate and 3.1 to
 * unpack. Items are read in order (the drawing looks a few ahead): one already let go of throws.
 */
export class PackedItems implements EvidenceList {
  length = 0;
  private readonly batches: Batch[] = [];
  /** the batch read last: reads go forward from it */
  private cursor = 0;

  /** Takes the next `count` items, serialized by v8.serialize; `serialized` is this object's to give back. */
  add(serialized: Uint8Array, count: number): void {
    this.batches.push({ start: this.length, count, packed: deflateRawSync(serialized, { level: 1 }), items: null });
    this.length += count;
    releaseNow(serialized);
  }

  at(index: number): ReportEvidence | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    const batch = this.batchOf(index);
    if (!batch.items) {
      if (!batch.packed) throw new Error(`report item ${index + 1} was read after it was let go of`);
      batch.items = deserialize(inflateRawSync(batch.packed)) as ReportEvidence[];
      batch.packed = null;
      // every batch before the one before this is drawn
      for (const earlier of this.batches.slice(0, Math.max(0, this.cursor - 1))) earlier.items = null;
    }
    return batch.items[index - batch.start];
  }

  private batchOf(index: number): Batch {
    while (index < this.batches[this.cursor]!.start) this.cursor--;
    while (index >= this.batches[this.cursor]!.start + this.batches[this.cursor]!.count) this.cursor++;
    return this.batches[this.cursor]!;
  }
}
