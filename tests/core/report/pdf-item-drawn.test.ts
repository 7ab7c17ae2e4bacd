import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type PdfOptions, renderReportPdf } from '../../../electron/core/report/pdf';
import type { ReportData, ReportEvidence } from '../../../electron/common/report-json';
import { reportData, thumbnailFor } from './pdf-fixture';

// The drawing thread gives each preview's memory back once its item is drawn (pdf-worker.ts).
const fontsDir = path.resolve('resources/fonts');
const NOW = new Date('2026-11-28T04:00:00Z');

async function rendered(data: ReportData, opts: Pick<PdfOptions, 'thumbnail' | 'itemDrawn'>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of renderReportPdf(data, { fontsDir, now: NOW, ...opts })) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('renderReportPdf, itemDrawn', () => {
  it("no longer reads an item's preview once it says the item is drawn", async () => {
    // Plain JPEGs, as intake stores them, go into the PDF as they are: pdfkit must have copied them by then.
    const data = reportData({ evidence: 12 });
    const jpegs = new Map<number, Buffer>();
    for (const e of data.evidence) {
      const png = await thumbnailFor(e);
      if (png) jpegs.set(e.seq, await sharp(png).jpeg().toBuffer());
    }
    const copyOf = async (e: ReportEvidence) => {
      const jpeg = jpegs.get(e.seq);
      return jpeg ? Buffer.from(jpeg) : null;
    };
    const handed = new Map<number, Buffer>();
    const drawn: number[] = [];
    const pdf = await rendered(data, {
      thumbnail: async (e) => {
        const bytes = await copyOf(e);
        if (bytes) handed.set(e.seq, bytes);
        return bytes;
      },
      itemDrawn: (e) => {
        drawn.push(e.seq);
        handed.get(e.seq)?.fill(0);
      },
    });
    expect(drawn).toEqual(data.evidence.map((e) => e.seq));
    expect(handed.size).toBeGreaterThan(0);
    expect(pdf.equals(await rendered(data, { thumbnail: copyOf }))).toBe(true);
  });
});
