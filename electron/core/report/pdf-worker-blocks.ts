/**
 * The PDF as it is drawn, packed into blocks of BLOCK_BYTES that go to the parent one by one, each
 * moved (transferred), not copied. pdfkit emits thousands of small parts, most of them slices of
 * Node's shared 8 KiB pool: kept until the end (and then joined) they held about twice the PDF's
 * size on the drawing thread at the export's peak of memory. Copied into a block as they come, each
 * part is garbage at once, and the parent spools the blocks (pdf-spool.ts).
 */
export const BLOCK_BYTES = 1 << 20;

export class PdfBlocks {
  private block = Buffer.allocUnsafeSlow(BLOCK_BYTES);
  private filled = 0;

  /** `send` receives each finished block's ArrayBuffer (to transfer), exactly as long as its bytes. */
  constructor(private readonly send: (block: ArrayBuffer) => void) {}

  add(part: Uint8Array): void {
    let from = 0;
    while (from < part.length) {
      const n = Math.min(part.length - from, BLOCK_BYTES - this.filled);
      this.block.set(part.subarray(from, from + n), this.filled);
      this.filled += n;
      from += n;
      if (this.filled === BLOCK_BYTES) {
        // allocUnsafeSlow gives the block an ArrayBuffer of its own, so the whole of it can move
        this.send(this.block.buffer as ArrayBuffer);
        this.block = Buffer.allocUnsafeSlow(BLOCK_BYTES);
        this.filled = 0;
      }
    }
  }

  /** Sends what is left: the last block cut to its length (a copy of under one block). */
  end(): void {
    if (this.filled > 0) this.send(this.block.buffer.slice(0, this.filled) as ArrayBuffer);
    this.filled = 0;
  }
}
