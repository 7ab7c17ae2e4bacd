/**
 * Whether preview bytes can go into the PDF as they are: a plain JPEG (what intake stores as a
 * thumbnail) no larger than it is drawn, with no EXIF that pdfkit would act on (it turns a JPEG
 * by its EXIF orientation). Reads only the markers before the frame header; anything else
 * (WebP thumbnails of older vaults, a large or odd JPEG) is decoded and re-encoded by sharp.
 */

export interface JpegSize {
  width: number;
  height: number;
}

/** Start-of-frame markers: baseline, extended and progressive Huffman JPEG. */
const FRAME_MARKERS = new Set([0xc0, 0xc1, 0xc2]);
const APP1 = 0xe1;
/** Start of scan: the picture's data begins, and no frame header came before it. */
const SOS = 0xda;

/** The pixel size of a JPEG pdfkit can embed unchanged, or null to decode and re-encode it. */
export function plainJpegSize(bytes: Buffer, maxSide: number): JpegSize | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] as number;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || marker === APP1 || marker === SOS) return null;
    if (FRAME_MARKERS.has(marker)) {
      if (at + 10 > bytes.length) return null;
      const height = bytes.readUInt16BE(at + 5);
      const width = bytes.readUInt16BE(at + 7);
      const components = bytes[at + 9];
      const ok = width > 0 && height > 0 && width <= maxSide && height <= maxSide;
      return ok && (components === 1 || components === 3) ? { width, height } : null;
    }
    if (marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return null;
    at += 2 + length;
  }
  return null;
}
