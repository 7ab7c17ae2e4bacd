// Run by pdf-memory.test.ts as `node --expose-gc --import tsx pdf-heap-child.ts <items>`: draws the
// fixture report with that many items, reading the PDF as it comes, and prints the largest heap left
// after a full collection, sampled every 50 output chunks (no output is kept), and the heap the
// report's data took before the drawing began.
import { getHeapStatistics } from 'node:v8';
import { resolve } from 'node:path';
import { renderReportPdf } from '../../../electron/core/report/pdf';
import { reportData, thumbnailFor } from './pdf-fixture';

const gc = (globalThis as { gc?: () => void }).gc!;
const items = Number(process.argv[2]);
const data = reportData({ evidence: items });
gc();
const before = getHeapStatistics().used_heap_size;
const pdf = renderReportPdf(data, {
  fontsDir: resolve('resources/fonts'),
  thumbnail: thumbnailFor,
});
let chunks = 0;
let peak = 0;
pdf.on('data', () => {
  if (++chunks % 50 !== 0) return;
  gc();
  peak = Math.max(peak, getHeapStatistics().used_heap_size);
});
pdf.on('end', () => process.stdout.write(`${JSON.stringify({ peak, before })}\n`));
