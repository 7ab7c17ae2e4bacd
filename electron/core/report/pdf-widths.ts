/**
 * String widths for line breaking, as pdfkit's `widthOfString` gives them, without shaping the
 * same word twice in a document. pdfkit measures a string word by word (each word with its
 * trailing space) and keeps whole glyph layouts, of which the report keeps only the recurring
 * ones between items (pdf-word-layouts.ts); the line breaker also measures single characters and
 * prefixes of long words that are never drawn. This keeps each word's width, a number, for the
 * whole document, so measuring a word seen before costs a map lookup.
 */

/** The part of pdfkit's embedded font this uses. */
export interface MeasuredFont {
  layoutCached(word: string): { advanceWidth: number };
}

/** Widths kept per font before the oldest set is dropped: bounds memory at any case size. */
const MAX_WORDS_PER_FONT = 100_000;
/**
 * Longer words are measured each time, not kept: the items' digests, file names and the prefixes
 * the line breaker tries of them are seen once, and at 10,000 items they filled the map, 9 MiB of
 * the drawing thread's heap.
 */
const MAX_KEPT_WORD_LENGTH = 40;

export class WordWidths {
  private readonly byFont = new Map<MeasuredFont, Map<string, number>>();

  /**
   * The width of `text` at `size` points, equal to pdfkit's `doc.widthOfString(text)` for the
   * same font and size (no character spacing, no features): the words' widths are added in the
   * same order and scaled the same way.
   */
  widthOf(font: MeasuredFont, size: number, text: string): number {
    let widths = this.byFont.get(font);
    if (!widths || widths.size > MAX_WORDS_PER_FONT) this.byFont.set(font, (widths = new Map()));
    let advance = 0;
    for (let last = 0, end = 0; (end = pdfkitWordEnd(text, last)) > last; last = end) {
      const word = text.slice(last, end);
      const kept = word.length <= MAX_KEPT_WORD_LENGTH;
      let width = kept ? widths.get(word) : undefined;
      if (width === undefined) {
        width = font.layoutCached(word).advanceWidth;
        if (kept) widths.set(word, width);
      }
      advance += width;
    }
    // the same arithmetic as pdfkit's widthOfString, horizontal scaling 100% included
    return ((advance * (size / 1000) + 0) * 100) / 100;
  }
}

/**
 * Where the word that starts at `from` ends, as pdfkit splits a string into the words it lays out
 * (each with the space or tab after it): just past that space or tab, else the string's end.
 */
export function pdfkitWordEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') return i + 1;
  }
  return text.length;
}
