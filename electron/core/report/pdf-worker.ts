/**
 * Worker entry: draws the report PDF on another thread (see pdf-in-worker.ts). Fonts are shaped,
 * thumbnails decoded and pages compressed here, so the thread that streams the evidence (and
 * answers the window) never waits on the drawing. The report comes in the parent's first messages
 * (the report, then its items in batches); thumbnails are asked of the parent, which holds the
 * vault, one message per item.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { renderReportPdf } from './pdf';
import type { FromPdfWorker, PdfWorkerData, ToPdfWorker } from './pdf-worker-messages';
import type { ReportData } from '../../common/report-json';
import { PdfBlocks } from './pdf-worker-blocks';
import { PackedItems } from './packed-items';
import { releaseNow } from '../release-now';

const port = parentPort!;
const { fontsDir, now } = workerData as PdfWorkerData;
const asked = new Map<number, (bytes: Buffer | null) => void>();
/** previews received and not yet drawn, by item */
const undrawn = new Map<number, Buffer>();
/** the report while its items come */
let coming: { report: ReportData; items: PackedItems; count: number } | null = null;
port.on('message', (m: ToPdfWorker) => {
  if (m.type === 'thumbnail') return received(m.seq, m.bytes);
  if (m.type === 'report') coming = { report: m.report, items: new PackedItems(), count: m.evidenceCount };
  else coming?.items.add(m.serialized, m.count);
  if (coming && coming.items.length === coming.count) {
    const { report, items } = coming;
    coming = null;
    draw(report, items);
  }
});

function received(seq: number, preview: Uint8Array | null): void {
  // a view of the copy the message brought (Buffer.from of the array itself would copy it again)
  const bytes = preview ? Buffer.from(preview.buffer, preview.byteOffset, preview.byteLength) : null;
  if (bytes) undrawn.set(seq, bytes);
  asked.get(seq)?.(bytes);
  asked.delete(seq);
}

function draw(report: ReportData, evidence: PackedItems): void {
  const blocks = new PdfBlocks((block) => port.postMessage({ type: 'part', bytes: block }, [block]));
  const pdf = renderReportPdf(report, {
    fontsDir,
    now,
    evidence,
    thumbnail: (e) =>
      new Promise((resolve) => {
        asked.set(e.seq, resolve);
        port.postMessage({ type: 'thumbnail', seq: e.seq });
      }),
    // Drawn, a preview is a copy inside the PDF (pdfkit copies an image as it embeds it). Its bytes
    // go back at once: the lookahead keeps each alive past a few collections of the young generation,
    // and the 3,000-item export's drawing thread held 28-29 MiB of them at its peak (5 MiB now).
    itemDrawn: (e) => {
      const bytes = undrawn.get(e.seq);
      undrawn.delete(e.seq);
      if (bytes) releaseNow(bytes);
    },
  });
  // Hashed here as drawn, while the evidence streams, not read back through the hashing worker at the
  // export's end: the parent spools the bytes sealed (authenticated) and writes them as they were.
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  pdf.on('data', (part: Buffer) => {
    sha256.update(part);
    sha512.update(part);
    blocks.add(part);
  });
  pdf.on('error', (e: Error) => port.postMessage({ type: 'failed', message: e.message }));
  pdf.on('end', () => {
    blocks.end();
    port.postMessage({
      type: 'done',
      sha256: sha256.digest('hex'),
      sha512: sha512.digest('hex'),
    } satisfies FromPdfWorker);
    port.close();
  });
}
