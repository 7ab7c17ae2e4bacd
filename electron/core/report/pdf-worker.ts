/**
 * Worker entry: draws the report PDF on another thread (see pdf-in-worker.ts). Fonts are shaped,
 * thumbnails decoded and pages compressed here, so the thread that streams the evidence (and
 * answers the window) never waits on the drawing. Thumbnails are asked of the parent, which holds
 * the vault, one message per item.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderReportPdf } from './pdf';
import type { PdfWorkerData, ToPdfWorker } from './pdf-worker-messages';

const port = parentPort!;
const { report, fontsDir, now } = workerData as PdfWorkerData;
const asked = new Map<number, (bytes: Buffer | null) => void>();
port.on('message', (m: ToPdfWorker) => {
  asked.get(m.seq)?.(m.bytes ? Buffer.from(m.bytes) : null);
  asked.delete(m.seq);
});

const parts: Buffer[] = [];
const pdf = renderReportPdf(report, {
  fontsDir,
  now,
  thumbnail: (e) =>
    new Promise((resolve) => {
      asked.set(e.seq, resolve);
      port.postMessage({ type: 'thumbnail', seq: e.seq });
    }),
});
pdf.on('data', (part: Buffer) => parts.push(part));
pdf.on('error', (e: Error) => port.postMessage({ type: 'failed', message: e.message }));
pdf.on('end', () => {
  const bytes = Buffer.concat(parts);
  parts.length = 0;
  // A PDF larger than Buffer's pool has an ArrayBuffer of its own: moved to the parent, not copied
  // (a copy was the drawing's last 6 MB at the export's peak of memory).
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const pdfBytes = own ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  port.postMessage({ type: 'done', pdf: pdfBytes }, [pdfBytes]);
  port.close();
});
