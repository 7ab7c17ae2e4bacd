import type { ReportData } from '../../common/report-json';

/** What the PDF worker is started with. */
export interface PdfWorkerData {
  report: ReportData;
  fontsDir: string;
  now?: Date;
}

/** The parent's answer to a thumbnail request: the preview's bytes, or null when there is none. */
export interface ToPdfWorker {
  seq: number;
  bytes: Uint8Array | null;
}

/** `part`: the PDF's next bytes (pdf-worker-blocks.ts); `done` once the last part is sent, with the digests of all. */
export type FromPdfWorker =
  | { type: 'thumbnail'; seq: number }
  | { type: 'part'; bytes: ArrayBuffer }
  | { type: 'done'; sha256: string; sha512: string }
  | { type: 'failed'; message: string };
