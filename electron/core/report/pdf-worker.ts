/**
 * Worker entry: draws the report PDF on another thread (see pdf-in-worker.ts). Fonts are shaped,
 * thumbnails decoded and pages compressed here, so the thread that streams the evidence (and
 * answers the window) never waits on the drawing. Thumbnails are asked of the parent, which holds
 * the vault, one message per item.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderReportPdf } from './pdf';
import type { PdfWorkerData, ToPdfWorker } from './pdf-worker-messages';
import { PdfBlocks } from './pdf-worker-blocks';

const port = parentPort!;
const { report, fontsDir, now } = workerData as PdfWorkerData;
const asked = new Map<number, (bytes: Buffer | null) => void>();
port.on('message', (m: ToPdfWorker) => {
  // a view of the copy the message brought (Buffer.from of the array itself would copy it again)
  asked.get(m.seq)?.(m.bytes ? Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength) : null);
  asked.delete(m.seq);
});

const blocks = new PdfBlocks((block) => port.postMessage({ type: 'part', bytes: block }, [block]));
const pdf = renderReportPdf(report, {
  fontsDir,
  now,
  thumbnail: (e) =>
    new Promise((resolve) => {
      asked.set(e.seq, resolve);
      port.postMessage({ type: 'thumbnail', seq: e.seq });
    }),
});
pdf.on('data', (part: Buffer) => blocks.add(part));
pdf.on('error', (e: Error) => port.postMessage({ type: 'failed', message: e.message }));
pdf.on('end', () => {
  blocks.end();
  port.postMessage({ type: 'done' });
  port.close();
});
