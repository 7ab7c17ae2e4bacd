/**
 * What pdfkit keeps of the glyph layouts it shapes, between one evidence item and the next.
 *
 * pdfkit shapes every space-separated word through fontkit and keeps the layout of each distinct
 * word for the whole document. Each item brings new hashes, URLs, times and file names, so kept
 * whole, that cache becomes most of the memory at 500 items; emptied after every item, the words
 * every item repeats (field labels, month names, units) were shaped again each time, about 60 of
 * the 76 shaping calls of an item (counted on the report test fixture). So after each item only
 * the layouts of words that the previous item used as well are kept, up to a bound.
 */

/** The part of pdfkit's embedded font this touches: its per-document word layout cache. */
interface FontWithLayoutCache {
  layoutCache?: Record<string, unknown>;
}

/** Word layouts kept across items, per font; a recurring word costs a few hundred bytes. */
const MAX_KEPT_PER_FONT = 2_000;

export class WordLayoutKeeper {
  private readonly previous = new Map<FontWithLayoutCache, Set<string>>();
  private readonly kept = new Map<FontWithLayoutCache, { words: Record<string, unknown>; count: number }>();

  /** Ends an item: keeps the layouts of words used by this item and the one before, drops the rest. */
  endItem(doc: unknown): void {
    for (const font of fontsOf(doc)) {
      const cache = font.layoutCache;
      if (!cache) continue;
      let kept = this.kept.get(font);
      if (!kept) this.kept.set(font, (kept = { words: Object.create(null) as Record<string, unknown>, count: 0 }));
      const before = this.previous.get(font);
      const used = Object.keys(cache); // own keys: this item's new layouts, not the kept ones
      for (const word of used) {
        if (kept.count >= MAX_KEPT_PER_FONT || !before?.has(word)) continue;
        kept.words[word] = cache[word];
        kept.count++;
      }
      this.previous.set(font, new Set(used));
      // lookups fall through to the kept layouts (pdfkit reads `layoutCache[word]`)
      font.layoutCache = Object.create(kept.words) as Record<string, unknown>;
    }
  }
}

/** pdfkit lists a font under its file path and its PostScript name: each font once. */
export function fontsOf(doc: unknown): Set<FontWithLayoutCache> {
  const families = (doc as { _fontFamilies?: Record<string, FontWithLayoutCache> })._fontFamilies ?? {};
  return new Set(Object.values(families));
}
