import type { ReportData } from '../../common/report-json';

/** What the PDF worker is started with; its report comes after, in a message. */
export interface PdfWorkerData {
  fontsDir: string;
  now?: Date;
}

/**
 * `report`: what to draw (once; the drawing begins); `thumbnail`: the parent's answer to a
 * thumbnail request, the preview's bytes or null when there is none.
 */
export type ToPdfWorker =
  { type: 'report'; report: ReportData } | { type: 'thumbnail'; seq: number; bytes: Uint8Array | null };

/** `part`: the PDF's next bytes (pdf-worker-blocks.ts); `done` once the last part is sent, with the digests of all. */
export type FromPdfWorker =
  | { type: 'thumbnail'; seq: number }
  | { type: 'part'; bytes: ArrayBuffer }
  | { type: 'done'; sha256: string; sha512: string }
  | { type: 'failed'; message: string };
