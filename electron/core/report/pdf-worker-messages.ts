import type { ReportData } from '../../common/report-json';

/** What the PDF worker is started with; its report comes after, in a message. */
export interface PdfWorkerData {
  fontsDir: string;
  now?: Date;
}

/**
 * `report`: what to draw, its evidence list empty, and how many items the `evidence` messages after it
 * bring (the drawing begins once all have come), each `count` items by v8.serialize; `thumbnail`: the
 * parent's answer to a thumbnail request, the preview's bytes or null when there is none.
 */
export type ToPdfWorker =
  | { type: 'report'; report: ReportData; evidenceCount: number }
  | { type: 'evidence'; count: number; serialized: Uint8Array }
  | { type: 'thumbnail'; seq: number; bytes: Uint8Array | null };

/** `part`: the PDF's next bytes (pdf-worker-blocks.ts); `done` once the last part is sent, with the digests of all. */
export type FromPdfWorker =
  | { type: 'thumbnail'; seq: number }
  | { type: 'part'; bytes: ArrayBuffer }
  | { type: 'done'; sha256: string; sha512: string }
  | { type: 'failed'; message: string };
