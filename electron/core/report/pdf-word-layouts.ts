/**
 * What pdfkit keeps of the glyph layouts it shapes, between one evidence item and the next.
 *
 * pdfkit shapes every space-separated word through fontkit and keeps the layout of each distinct
 * word for the whole document. Each item brings new hashes, URLs, times and file names, so kept
 * whole, that cache becomes most of the memory at 500 items; emptied after every item, the words
 * items repeat (field labels, month names, units, a channel's name, a note's phrases) were shaped
 * again each time. So after each item the layouts of words that an earlier item used as well are
 * kept, up to a bound. (Kept only when the item just before had used them, the words of a note on
 * every other item, or of a channel whose items alternate with another's, were shaped again every
 * time: 4,003 shapings for the test fixture's 200 items, 2,193 distinct words.)
 */

/** The part of pdfkit's embedded font this touches: its per-document word layout cache. */
interface FontWithLayoutCache {
  layoutCache?: Record<string, unknown>;
}

/** Word layouts kept across items, per font; a recurring word costs a few hundred bytes. */
const MAX_KEPT_PER_FONT = 2_000;
/**
 * Words remembered as seen, per font, before the set starts again (a word costs about 80 bytes):
 * a recurring word comes back within a few hundred items.
 */
const MAX_SEEN_PER_FONT = 5_000;
/** Longer words (digests, addresses, file names) are not remembered: they do not come back. */
const MAX_SEEN_WORD_LENGTH = 40;

export class WordLayoutKeeper {
  private readonly seen = new Map<FontWithLayoutCache, Set<string>>();
  private readonly kept = new Map<FontWithLayoutCache, { words: Record<string, unknown>; count: number }>();

  /** Ends an item: keeps the layouts of words this item used that an earlier one used too, drops the rest. */
  endItem(doc: unknown): void {
    for (const font of fontsOf(doc)) {
      const cache = font.layoutCache;
      if (!cache) continue;
      let kept = this.kept.get(font);
      if (!kept) this.kept.set(font, (kept = { words: Object.create(null) as Record<string, unknown>, count: 0 }));
      let seen = this.seen.get(font);
      if (!seen) this.seen.set(font, (seen = new Set()));
      for (const word of Object.keys(cache)) {
        // own keys: the layouts made for this item, not the kept ones
        if (seen.has(word)) {
          if (kept.count >= MAX_KEPT_PER_FONT) continue;
          kept.words[word] = cache[word];
          kept.count++;
        } else if (word.length <= MAX_SEEN_WORD_LENGTH) {
          if (seen.size >= MAX_SEEN_PER_FONT) seen.clear();
          seen.add(word);
        }
      }
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
