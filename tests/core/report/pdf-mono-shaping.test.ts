import { randomInt } from 'node:crypto';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { shapeByCharacter, type ShapingFont } from '../../../electron/core/report/pdf-mono-shaping';
import { LONG_URL } from './pdf-fixture';

type Run = {
  glyphs: Array<{ id: number }>;
  positions: Array<Record<string, number>>;
  advanceWidth: number;
};
type EmbeddedFont = ShapingFont & { layout(text: string): Run; layoutCache?: Record<string, unknown> };

/** A font as pdfkit embeds it, in a document of its own (so its word cache is its own). */
function fontOf(file: string): EmbeddedFont {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.font(path.resolve('resources/fonts', file));
  return (doc as unknown as { _font: EmbeddedFont })._font;
}

const printable = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i));
const randomWord = () => Array.from({ length: randomInt(1, 140) }, () => printable[randomInt(94)]).join('');

describe('monospaced text shaped one character at a time', () => {
  it('lays out every word exactly as fontkit shapes it whole: the same glyphs, positions and width', () => {
    const whole = fontOf('DejaVuSansMono.ttf');
    const byCharacter = fontOf('DejaVuSansMono.ttf');
    shapeByCharacter(byCharacter);
    const texts = [
      'e0f2'.repeat(16),
      'ab12'.repeat(32),
      LONG_URL,
      'evidence/001-0a1b2c3d4e5f.png',
      '2026-11-27T09:30:12Z',
      'قناة الأخبار',
      'Канал новостей',
      'naïve café',
      'two words\there',
      ...printable.flatMap((a) => printable.map((b) => a + b)),
      ...Array.from({ length: 2_000 }, randomWord),
    ];
    for (const text of texts) {
      const expected = whole.layout(text);
      const got = byCharacter.layout(text);
      expect(
        got.glyphs.map((g) => g.id),
        text,
      ).toEqual(expected.glyphs.map((g) => g.id));
      expect(got.positions, text).toEqual(expected.positions);
      expect(got.advanceWidth, text).toBe(expected.advanceWidth);
    }
  });

  it('leaves a font with kerning or ligatures to fontkit, where characters one by one would be wrong', () => {
    const sans = fontOf('DejaVuSans.ttf');
    const shapeWord = sans.layoutRun;
    shapeByCharacter(sans);
    expect(sans.layoutRun).toBe(shapeWord);
    // why: "AV" is kerned in DejaVu Sans, narrower than "A" and "V" apart
    const apart = sans.layout('A').advanceWidth + sans.layout('V').advanceWidth;
    expect(sans.layout('AV').advanceWidth).toBeLessThan(apart);
  });
});
