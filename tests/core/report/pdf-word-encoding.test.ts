import { randomInt } from 'node:crypto';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { shapeByCharacter, type ShapingFont } from '../../../electron/core/report/pdf-character-shaping';
import { encodeByWord, type EncodingFont } from '../../../electron/core/report/pdf-word-encoding';
import { LONG_URL } from './pdf-fixture';

type EmbeddedFont = EncodingFont & ShapingFont & { subset: { glyphs: number[] } };

/** A font as pdfkit embeds it, in a document of its own (its subset and word cache its own). */
function fontOf(file: string): EmbeddedFont {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.font(path.resolve('resources/fonts', file));
  return (doc as unknown as { _font: EmbeddedFont })._font;
}

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;-/_é ñ  \tقناةКанал';
const randomLine = () => Array.from({ length: randomInt(0, 120) }, () => letters[randomInt(letters.length)]).join('');

describe('a line encoded from its words kept encodings', () => {
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf']) {
    it(`gives what pdfkit's encode gives, and builds the same subset (${file})`, () => {
      const whole = fontOf(file);
      const byWord = fontOf(file);
      [whole, byWord].forEach(shapeByCharacter); // as the report's layout sets every font up
      encodeByWord(byWord);
      const lines = [
        '',
        ' ',
        '  two  spaces  ',
        '\tleading tab',
        'trailing space ',
        'AV Wa To fi fl office',
        LONG_URL,
        'evidence/001-0a1b2c3d4e5f.png 2026-11-27T09:30:12Z',
        'قناة الأخبار',
        'Канал новостей naïve café',
        ...Array.from({ length: 1_500 }, randomLine),
      ];
      // each line twice: the second time its words come from the kept encodings
      for (const line of [...lines, ...lines])
        expect(byWord.encode(line), JSON.stringify(line)).toEqual(whole.encode(line));
      expect(byWord.subset.glyphs).toEqual(whole.subset.glyphs);
      expect(byWord.widths).toEqual(whole.widths);
      expect(byWord.unicode).toEqual(whole.unicode);
    });
  }

  it('leaves text with OpenType features asked for to pdfkit', () => {
    const byWord = fontOf('DejaVuSans.ttf');
    const whole = fontOf('DejaVuSans.ttf');
    encodeByWord(byWord);
    expect(byWord.encode('office fi', ['liga'])).toEqual(whole.encode('office fi', ['liga']));
  });
});
