/**
 * Shaping for the monospaced font one character at a time. The report draws in it the strings that
 * are new with every item (hashes, file names, addresses, times), so pdfkit's word cache rarely
 * helps them, and fontkit's shaping of a word costs a fixed setup (its feature plan) on top of each
 * glyph: about a quarter of the drawing worker's time at 500 items. A font whose shaping has no
 * substitution or positioning between characters (no ligatures, no kerning, no marks) gives a word
 * exactly the glyphs and advances of its characters one by one, so printable ASCII words are put
 * together from per-character layouts, each shaped once per document. Anything else, or a font
 * with such features, is shaped by fontkit as before. Same bytes in the PDF (tests compare them).
 */

/** The parts of pdfkit's embedded font (and its fontkit font) this touches. */
export interface ShapingFont {
  font: { availableFeatures: string[] };
  layoutRun(text: string, features?: unknown): GlyphRun;
}

interface GlyphRun {
  glyphs: unknown[];
  positions: Array<{ xAdvance: number }>;
  advanceWidth: number;
}

/** Features fontkit applies by default that act between characters (its common and horizontal sets). */
const BETWEEN_CHARACTERS = ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const shaped = new WeakSet<ShapingFont>();

/** Lets `font` lay out printable ASCII per character, when its features allow; once per font. */
export function shapeByCharacter(font: ShapingFont): void {
  if (shaped.has(font)) return;
  shaped.add(font);
  if (font.font.availableFeatures.some((f) => BETWEEN_CHARACTERS.includes(f))) return;
  const shapeWord = font.layoutRun.bind(font);
  const characters = new Map<string, GlyphRun>();
  font.layoutRun = (text, features) => {
    if (features || !PRINTABLE_ASCII.test(text)) return shapeWord(text, features);
    const glyphs: unknown[] = [];
    const positions: GlyphRun['positions'] = [];
    let advanceWidth = 0;
    for (const c of text) {
      let run = characters.get(c);
      if (!run) characters.set(c, (run = shapeWord(c)));
      if (run.glyphs.length !== 1) return shapeWord(text, features);
      glyphs.push(run.glyphs[0]);
      positions.push(run.positions[0]!);
      // summed in order from the scaled advances, as fontkit's run sums them
      advanceWidth += run.positions[0]!.xAdvance;
    }
    return { glyphs, positions, advanceWidth };
  };
}
