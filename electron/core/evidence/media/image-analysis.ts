import type { MediaProblem } from './problems';

// What an image's analysis gives, with no decoder behind it: the modules that only pass analyses
// along import this, not image.ts, so sharp loads only where pictures are decoded (the media worker).

/** Header pixel count above which nothing is decoded (a decompression-bomb guard). */
export const DEFAULT_MAX_PIXELS = 100_000_000;

export interface ImageAnalysis {
  width: number | null;
  height: number | null;
  exif: Record<string, string | number> | null;
  capturedAt: string | null;
  thumbnail: Buffer | null;
  thumbnailType: 'image/webp' | 'image/jpeg' | null;
  problems: MediaProblem[];
}

export interface AnalyzeImageOptions {
  /** false: skip the thumbnail (the picture is still decoded once, so damage is still reported) */
  thumbnails?: boolean;
  /** header pixel count above which nothing is decoded; default 100 megapixels */
  maxPixels?: number;
}

/** What is known of a file before (or without) its analysis: nothing yet. */
export function notAnalysed(): ImageAnalysis {
  return {
    width: null,
    height: null,
    exif: null,
    capturedAt: null,
    thumbnail: null,
    thumbnailType: null,
    problems: [],
  };
}
