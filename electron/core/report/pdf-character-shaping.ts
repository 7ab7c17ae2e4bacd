/**
 * Shaping one character at a time. The report draws, with every item, words no item drew before
 * (sizes, counts, times, hashes, file names): at 1,000 fixture items 92% of fontkit's 8,531 shapings
 * were numbers alone (digits, points, commas, brackets), each at a fixed setup cost (its feature
 * plan) on top of its glyphs. A word
 * whose characters fontkit shapes with no substitution or positioning between them (no ligature,
 * no kerning, no mark) has exactly the glyphs and advances of its characters one by one, so a
 * printable ASCII word is put together from per-character layouts, each shaped once per document,
 * when every pair of adjacent characters in it is shaped apart: always in a font whose shaping
 * has nothing between characters (the monospaced one); in a font with kerning, each pair is shaped
 * once to see (a kerned pair such as "AV" sends every word holding it to fontkit, as before).
 * Kerning is between pairs; a font whose rules reach further than a pair would need more than this:
 * the test shapes thousands of random words both ways in every font the report embeds. Anything
 * else is shaped by fontkit as before. Same bytes in the PDF; fontkit's shapings for the fixture's
 * 1,000 items 8,531 → 1,175 (the pairs' included), its 2,000 items drawn in 4.5-5.0 s of CPU against
 * 5.2-5.6 (4 runs each, alternated), a 10,000-item export's drawing thread 11.2-11.7 s against
 * 11.9-12.6 (3 runs each).
 */

/** The parts of pdfkit's embedded font (and its fontkit font) this touches. */
export interface ShapingFont {
  font: { availableFeatures: string[] };
  layoutRun(text: string, features?: unknown): GlyphRun;
}

interface GlyphRun {
  glyphs: Array<{ id: number }>;
  positions: Array<Record<string, number>>;
  advanceWidth: number;
}

/** Features fontkit applies by default that act between characters (its common and horizontal sets). */
const BETWEEN_CHARACTERS = ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
/** A pair's state in a font: not yet shaped, shaped as its two characters apart, or not. */
const UNKNOWN = 0;
const APART = 1;
const JOINED = 2;
const shaped = new WeakSet<ShapingFont>();

/** Lets `font` lay out printable ASCII per character where its pairs allow; once per font. */
export function shapeByCharacter(font: ShapingFont): void {
  if (shaped.has(font)) return;
  shaped.add(font);
  const shapeWord = font.layoutRun.bind(font);
  const characters = new Map<string, GlyphRun>();
  const nothingBetween = !font.font.availableFeatures.some((f) => BETWEEN_CHARACTERS.includes(f));
  /** by the pair's two character codes (0x20-0x7e), a << 7 | b */
  const pairs = new Uint8Array(128 * 128);

  /** `text` from its characters' layouts; null when one of them is not a single glyph */
  const composed = (text: string): GlyphRun | null => {
    const glyphs: GlyphRun['glyphs'] = [];
    const positions: GlyphRun['positions'] = [];
    let advanceWidth = 0;
    for (const c of text) {
      let run = characters.get(c);
      if (!run) characters.set(c, (run = shapeWord(c)));
      if (run.glyphs.length !== 1) return null;
      glyphs.push(run.glyphs[0]!);
      positions.push(run.positions[0]!);
      // summed in order from the scaled advances, as fontkit's run sums them
      advanceWidth += run.positions[0]!.xAdvance!;
    }
    return { glyphs, positions, advanceWidth };
  };

  /** whether the characters at i - 1 and i are shaped apart */
  const apartAt = (text: string, i: number): boolean => {
    const key = (text.charCodeAt(i - 1) << 7) | text.charCodeAt(i);
    if (pairs[key] === UNKNOWN) {
      const pair = text.slice(i - 1, i + 1);
      pairs[key] = sameRun(shapeWord(pair), composed(pair)) ? APART : JOINED;
    }
    return pairs[key] === APART;
  };

  font.layoutRun = (text, features) => {
    if (features || !PRINTABLE_ASCII.test(text)) return shapeWord(text, features);
    if (!nothingBetween) for (let i = 1; i < text.length; i++) if (!apartAt(text, i)) return shapeWord(text);
    return composed(text) ?? shapeWord(text);
  };
}

/** The same glyphs at the same positions. */
function sameRun(a: GlyphRun, b: GlyphRun | null): boolean {
  if (!b || a.glyphs.length !== b.glyphs.length) return false;
  return a.glyphs.every((g, i) => {
    const p = a.positions[i]!;
    const q = b.positions[i]!;
    return g.id === b.glyphs[i]!.id && Object.keys({ ...p, ...q }).every((k) => p[k] === q[k]);
  });
}
