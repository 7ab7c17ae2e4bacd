import { pdfkitWordEnd } from './pdf-widths';

/**
 * A line's glyphs as pdfkit writes them (its embedded font's `encode`: each glyph's id in the font
 * subset, four hex digits, and its position), put together word by word from what each word's
 * layout gave the last time it was drawn. pdfkit lays the line out again from its word layouts,
 * concatenating the glyph and position arrays word after word (a new pair of arrays per word), and
 * makes each glyph's hex string anew every time it draws it: about an eighth of the drawing thread's
 * time in a profile of the fixture's 2,000 items (`encode`, 477 ms of 3,762). Put together from the
 * kept encodings, a 10,000-item export's drawing thread took 10.0-11.3 s of CPU against 11.9-13.0
 * (3 runs each, alternated). The same ids, the same position objects, the same glyphs first
 * included in the subset in the same order: its test compares each line's encoding, the subset,
 * the widths and the characters with pdfkit's own, and the fixture's 1,000 items draw the same bytes.
 */

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface GlyphRun {
  glyphs: Glyph[];
  positions: object[];
}

/** The parts of pdfkit's embedded font this touches. */
export interface EncodingFont {
  encode(text: string, features?: unknown): [string[], object[]];
  layoutCached(word: string): GlyphRun;
  subset: { includeGlyph(id: number): number };
  widths: Array<number | undefined>;
  unicode: Array<number[] | undefined>;
  scale: number;
}

const encodingByWord = new WeakSet<EncodingFont>();

/** Lets `font` encode a line from its words' kept encodings; once per font. */
export function encodeByWord(font: EncodingFont): void {
  // a standard (AFM) font has no subset and encodes otherwise: left to pdfkit
  if (encodingByWord.has(font) || !font.subset) return;
  encodingByWord.add(font);
  const encodeWhole = font.encode.bind(font);
  /** each word layout's glyph ids in the subset, as hex, once it has been encoded */
  const encoded = new WeakMap<GlyphRun, string[]>();
  const hexOfId: string[] = [];

  const encodeRun = (run: GlyphRun): string[] => {
    const hex: string[] = [];
    for (const glyph of run.glyphs) {
      // as pdfkit's encode: the glyph joins the subset, and its width and characters are noted once
      const gid = font.subset.includeGlyph(glyph.id);
      hex.push((hexOfId[gid] ??= `0000${gid.toString(16)}`.slice(-4)));
      font.widths[gid] ??= glyph.advanceWidth * font.scale;
      font.unicode[gid] ??= glyph.codePoints;
    }
    encoded.set(run, hex);
    return hex;
  };

  font.encode = (text, features) => {
    if (features) return encodeWhole(text, features);
    const hex: string[] = [];
    const positions: object[] = [];
    for (let last = 0, end = 0; (end = pdfkitWordEnd(text, last)) > last; last = end) {
      const run = font.layoutCached(text.slice(last, end));
      for (const h of encoded.get(run) ?? encodeRun(run)) hex.push(h);
      for (const p of run.positions) positions.push(p);
    }
    return [hex, positions];
  };
}
