/**
 * The text OCR read in an item's picture, under the item in the report PDF. The request must stay
 * readable, so a long text is cut (to RECOGNISED_TEXT_LIMITS) with a note saying how much is shown;
 * the whole text is in data/report.json beside it. Each paragraph keeps its own direction: an
 * Arabic line is set right to left and right-aligned (Layout.drawLine puts its words in visual
 * order, fontkit joins the letters).
 */
import { type Layout } from './pdf-layout';
import { COLORS, type Line } from './pdf-page';
import { type PdfStrings } from './pdf-strings';
import { formatInteger } from './pdf-format';
import { cleanText } from './pdf-text';
import { ST } from './pdf-styles';
import type { ReportEvidence, ReportLanguage } from '../../common/report-json';

/** At most this many characters, and at most this many lines once wrapped, are drawn per item. */
export const RECOGNISED_TEXT_LIMITS = { characters: 1200, lines: 14 } as const;

/** OCR output with its blank lines and runs of spaces dropped: they carry nothing for a reader. */
function compact(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** The start of `text` up to `max` characters, ending at a word boundary when one is near. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never half a surrogate pair
  const space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
  return space > max * 0.8 ? cut.slice(0, space) : cut;
}

/** Draws the block at the cursor across the page width (it names its item, as it may start a page); nothing when there is no text. */
export function drawRecognisedText(
  L: Layout,
  ev: Pick<ReportEvidence, 'seq' | 'recognisedText'>,
  s: PdfStrings,
  lang: ReportLanguage,
): void {
  const full = compact(cleanText(ev.recognisedText ?? '', { multiline: true }));
  if (full === '') return;
  const x = L.left + 8;
  const width = L.width - 16;
  const clipped = clip(full, RECOGNISED_TEXT_LIMITS.characters);
  const lines: Line[] = L.wrap(clipped, width, ST.evValue, false);
  const kept = lines.slice(0, RECOGNISED_TEXT_LIMITS.lines);
  const cut = clipped !== full || kept.length < lines.length;

  L.space(6);
  const label = L.wrap(s.ocrText(ev.seq), width, ST.evLabel, false);
  L.ensure(L.height(label) + L.height(kept.slice(0, 2)) + 4);
  L.doc.save().rect(L.left, L.y, 2, L.height(label)).fill(COLORS.accent).restore();
  L.lines(label, x, width);
  L.space(2);
  L.lines(kept, x, width, 'auto');
  if (cut) {
    L.space(2);
    L.lines(L.wrap(s.ocrCut(formatInteger(full.length, lang)), width, ST.caption, false), x, width);
  }
}
