import { randomInt } from 'node:crypto';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { shapeByCharacter, type ShapingFont } from '../../../electron/core/report/pdf-character-shaping';
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

const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const randomWord = () => Array.from({ length: randomInt(1, 140) }, () => printable[randomInt(95)]).join('');
const digits = '0123456789.,:()';
const randomNumber = () => Array.from({ length: randomInt(1, 16) }, () => digits[randomInt(digits.length)]).join('');

/** The same font twice, one of them shaping by character: each text laid out by both. */
function expectSameLayouts(file: string, texts: string[]): void {
  const whole = fontOf(file);
  const byCharacter = fontOf(file);
  shapeByCharacter(byCharacter);
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
}

const SAMPLES = [
  'e0f2'.repeat(16),
  LONG_URL,
  'evidence/001-0a1b2c3d4e5f.png',
  '2026-11-27T09:30:12Z',
  '(46.173.333 bita) 1,7 MB 1080 x 1920',
  'AVATAR To Wa r. T, Y. 1/2 LT fi',
  'قناة الأخبار',
  'Канал новостей',
  'naïve café',
  'two words\there',
];

describe('text shaped one character at a time', () => {
  for (const file of ['DejaVuSansMono.ttf', 'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    it(`lays out every word exactly as fontkit shapes it whole: the same glyphs, positions and width (${file})`, () => {
      expectSameLayouts(file, [
        ...SAMPLES,
        ...printable.flatMap((a) => printable.map((b) => a + b)),
        ...Array.from({ length: 2_000 }, randomWord),
        ...Array.from({ length: 2_000 }, randomNumber),
      ]);
    });
  }

  it('sends a word with a kerned pair to fontkit, where its characters one by one would be wrong', () => {
    const sans = fontOf('DejaVuSans.ttf');
    shapeByCharacter(sans);
    // why: "AV" is kerned in DejaVu Sans, narrower than "A" and "V" apart
    const apart = sans.layout('A').advanceWidth + sans.layout('V').advanceWidth;
    expect(sans.layout('AV').advanceWidth).toBeLessThan(apart);
  });

  it('shapes a number once per character and pair of characters, not once per number', () => {
    const sans = fontOf('DejaVuSans.ttf');
    let shapings = 0;
    const shapeWord = sans.layoutRun.bind(sans);
    sans.layoutRun = (text, features) => {
      shapings++;
      return shapeWord(text, features);
    };
    shapeByCharacter(sans);
    // "(7.919.113 ", "(15.838.226 ", …: 1,000 numbers of 13 characters ("(", the digits, "." and a space)
    const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    for (let i = 1; i <= 1_000; i++) sans.layout(`(${grouped(i * 7_919_113)} `);
    expect(shapings).toBeLessThanOrEqual(13 + 13 * 13);
  });
});
