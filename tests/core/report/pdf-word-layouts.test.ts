import { describe, expect, it } from 'vitest';
import { WordLayoutKeeper } from '../../../electron/core/report/pdf-word-layouts';

/** A font as pdfkit keeps it (a word's layout made when its cache lacks the word) and the document listing it. */
function fontInDocument() {
  const font = { layoutCache: Object.create(null) as Record<string, unknown> };
  let shapings = 0;
  const draw = (words: string[]) => {
    for (const word of words) {
      if (font.layoutCache[word]) continue;
      shapings++;
      font.layoutCache[word] = { advanceWidth: word.length };
    }
  };
  return { doc: { _fontFamilies: { sans: font } }, draw, shapings: () => shapings };
}

describe('word layouts kept from one item to the next', () => {
  it('shapes a word that comes back on every other item twice, not on each item', () => {
    const keeper = new WordLayoutKeeper();
    const { doc, draw, shapings } = fontInDocument();
    for (let item = 0; item < 100; item++) {
      draw(item % 2 === 0 ? ['Unggahan ', 'berisi ', 'ajakan ', `#${item}`] : ['Канал ', `#${item}`]);
      keeper.endItem(doc);
    }
    // each recurring word: when first seen, and once more before it is kept; each number once
    expect(shapings()).toBe(4 * 2 + 100);
  });

  it('keeps no layout of a word seen once: an item’s own numbers and names go with it', () => {
    const keeper = new WordLayoutKeeper();
    const { doc, draw, shapings } = fontInDocument();
    for (let item = 0; item < 50; item++) {
      draw([`2026-11-${item}`, 'UTC']);
      keeper.endItem(doc);
    }
    draw(['2026-11-3', 'UTC']);
    expect(shapings()).toBe(50 + 2 + 1);
  });
});
