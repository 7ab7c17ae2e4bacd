/**
 * Which lines of a picture read with the Latin models alone (Bahasa Indonesia and English) may be
 * writing of another script, Arabic here, that only a reading with the Arabic model gets right.
 * The Latin models read Latin text surely (a line at 90 and more); what they are unsure of is
 * either writing they cannot read (Arabic comes out as "sls J] lyon" at 20 to 60) or shapes that
 * are no writing: bars, buttons and blocks of colour ("I EE DD BBI |"). Writing leaves most of its
 * box blank, a block fills it (and a flat bar has no contrast at all); so a picture is read again
 * with the Arabic model when a line the Latin reading was unsure of has no more than WRITING_INK
 * of its box inked. Measured on DejaVu Sans lines: Arabic 14–20 % inked, mixed lines up to 45 %,
 * blocks 81–96 %.
 */

/** Below this line confidence (0–100) the Latin models did not read the line. */
const SURE = 85;
/** The most of a line's box that writing inks (DejaVu Sans Arabic: about 30 %); blocks fill 80 % and more. */
const WRITING_INK = 0.6;

export interface OcrLine {
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** A greyscale picture, one byte a pixel, row by row. */
export interface GreyPixels {
  data: Uint8Array;
  width: number;
  height: number;
}

/** The share of a box that is ink: pixels darker than halfway between the box's lightest and darkest. */
export function inkShare(grey: GreyPixels, box: OcrLine['bbox']): number {
  const [x0, x1] = [Math.max(0, box.x0), Math.min(grey.width, box.x1)];
  const [y0, y1] = [Math.max(0, box.y0), Math.min(grey.height, box.y1)];
  if (x1 <= x0 || y1 <= y0) return 0;
  let [min, max] = [255, 0];
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const v = grey.data[y * grey.width + x]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  if (max - min < 32) return 1; // no contrast: a flat box, nothing written
  const threshold = (min + max) / 2;
  let ink = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (grey.data[y * grey.width + x]! < threshold) ink++;
  return ink / ((x1 - x0) * (y1 - y0));
}

/** The lines the Latin reading was unsure of (none: it read everything, or found no line). */
export function unsureLines<L extends OcrLine>(lines: readonly L[]): L[] {
  return lines.filter((line) => line.confidence < SURE);
}

/** Whether one of the lines the Latin reading was unsure of looks like writing. */
export function unreadWriting(unsure: readonly OcrLine[], grey: GreyPixels): boolean {
  return unsure.some((line) => inkShare(grey, line.bbox) <= WRITING_INK);
}
