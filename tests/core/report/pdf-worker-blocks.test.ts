import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES, PdfBlocks } from '../../../electron/core/report/pdf-worker-blocks';

describe('PdfBlocks (the drawn PDF on its way to the parent)', () => {
  it('packs parts of any size into whole blocks, each movable on its own, the last cut to its length', () => {
    const sent: ArrayBuffer[] = [];
    const blocks = new PdfBlocks((b) => sent.push(b));
    const pdf = randomBytes(2 * BLOCK_BYTES + 12_345);
    // small parts as pdfkit emits them, and one that spans a block boundary
    const cuts = [0, 7, 4096, 5000, BLOCK_BYTES - 3, BLOCK_BYTES + 900_000, pdf.length];
    for (let i = 1; i < cuts.length; i++) blocks.add(pdf.subarray(cuts[i - 1], cuts[i]));
    expect(sent.map((b) => b.byteLength)).toEqual([BLOCK_BYTES, BLOCK_BYTES]);
    blocks.end();
    expect(sent.map((b) => b.byteLength)).toEqual([BLOCK_BYTES, BLOCK_BYTES, 12_345]);
    expect(Buffer.concat(sent.map((b) => Buffer.from(b))).equals(pdf)).toBe(true);
    // each block owns its memory: moving one to another thread leaves the others intact
    structuredClone(sent[0], { transfer: [sent[0]!] });
    expect(Buffer.concat(sent.slice(1).map((b) => Buffer.from(b))).equals(pdf.subarray(BLOCK_BYTES))).toBe(true);
  });

  it('sends nothing more at the end when the PDF filled its last block exactly', () => {
    const sent: ArrayBuffer[] = [];
    const blocks = new PdfBlocks((b) => sent.push(b));
    blocks.add(Buffer.alloc(BLOCK_BYTES, 1));
    blocks.end();
    expect(sent.map((b) => b.byteLength)).toEqual([BLOCK_BYTES]);
  });
});
