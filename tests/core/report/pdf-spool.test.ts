import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PdfSpool } from '../../../electron/core/report/pdf-spool';

const spoolFiles = () =>
  readdirSync(tmpdir())
    .filter((n) => n.startsWith(`jejak-spool-${process.pid}-`))
    .map((n) => path.join(tmpdir(), n, 'report.sealed'));

describe('PdfSpool (the report PDF waiting for the evidence to be written)', () => {
  it('gives back every byte in order, keeps none in clear on disk, and leaves nothing once disposed of', async () => {
    const marker = Buffer.from(`%PDF-1.7 JEJAK-CLEAR-MARKER-${randomBytes(8).toString('hex')}`);
    // blocks as the drawing worker sends them, over several of the file's 256 KiB pages
    const pdf = Buffer.concat([marker, randomBytes(3 * 1024 * 1024 + 12_345), marker]);
    const spool = await PdfSpool.create();
    const blocks: Buffer[] = [];
    for (let at = 0; at < pdf.length; at += 1024 * 1024) {
      // each block owns its memory, as one moved here from the drawing thread does
      const block = Buffer.allocUnsafeSlow(Math.min(1024 * 1024, pdf.length - at));
      pdf.copy(block, 0, at);
      blocks.push(block);
      spool.add(block);
    }
    await spool.settled();
    // given back once written, not left for the collector
    expect(blocks.map((b) => b.length)).toEqual(blocks.map(() => 0));
    expect([spool.size, spool.crc32]).toEqual([pdf.length, zlibCrc32(pdf)]);
    const [file] = spoolFiles();
    const sealed = readFileSync(file!);
    expect(sealed.length).toBeGreaterThan(2 * 1024 * 1024); // all but the page still being filled
    expect(sealed.includes(marker)).toBe(false);
    const parts: Buffer[] = [];
    const memory = new Set<ArrayBufferLike>();
    for await (const part of spool.chunks()) {
      memory.add(part.buffer);
      parts.push(Buffer.from(part)); // a copy: the next chunk is read into the same buffer
    }
    expect(Buffer.concat(parts).equals(pdf)).toBe(true);
    // read back through one buffer, whatever the PDF's size (34 MB at 3,000 items)
    expect([parts.length, memory.size]).toEqual([4, 1]);
    await spool.dispose();
    expect(spoolFiles()).toEqual([]);
  });

  it('holds an empty PDF as nothing (a drawing cancelled before its first block)', async () => {
    const spool = await PdfSpool.create();
    const parts: Buffer[] = [];
    for await (const part of spool.chunks()) parts.push(part);
    expect([spool.size, parts.length]).toEqual([0, 0]);
    await spool.dispose();
  });
});
