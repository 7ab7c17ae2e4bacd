import type { PdqDihedralResult } from './hasher';

/** One picture's decoded pixels, moved to the worker (interleaved 8-bit, R G B first). */
export interface ToPdqWorker {
  id: number;
  pixels: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

export type FromPdqWorker = { id: number; result: PdqDihedralResult } | { id: number; error: string };
