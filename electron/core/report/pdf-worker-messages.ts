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

export type FromPdfWorker =
  { type: 'thumbnail'; seq: number } | { type: 'done'; pdf: ArrayBuffer } | { type: 'failed'; message: string };
