import type { ErrorCode } from '../../errors';
import type { AnalyzeImageOptions, ImageAnalysis } from './image-analysis';
import type { PdqDihedralResult } from './pdq/hasher';
import type { PdqDecodeOptions } from './pdq/image-pdq';
import type { MediaType } from './sniff';

/** A file's path, or its bytes (copied to the worker). */
export type MediaInput = string | Uint8Array;

/** What the media worker is asked: one picture's analysis, or its PDQ hashes. */
export type ToMediaWorker =
  | { id: number; op: 'analyse'; input: MediaInput; type: MediaType; opts: AnalyzeImageOptions }
  | { id: number; op: 'pdq'; input: MediaInput; opts: PdqDecodeOptions };

/** An error thrown in the worker, as much of it as the caller tells apart: a Jejak code, an I/O code. */
export interface MediaWorkerFailure {
  message: string;
  code?: ErrorCode;
  errno?: string;
}

export type FromMediaWorker =
  | { id: number; analysis: ImageAnalysis }
  | { id: number; pdq: PdqDihedralResult }
  | { id: number; error: MediaWorkerFailure };
