/** The part of pdfkit's document this reaches into: the method its `text` draws each line with. */
interface FragmentDrawing {
  _fragment(text: string, x: number, y: number, options: object): void;
}

/**
 * For a line the report places itself: nothing measured. pdfkit measures a line's width for a link,
 * an underline or a strike (`textWidth`, `wordCount`), which no report line has.
 */
const PLACED: Readonly<object> = Object.freeze({ lineBreak: false, textWidth: 0, wordCount: 0 });

/**
 * One line of text with its top left at (x, y), in the document's current font, size and colour:
 * the operators `doc.text(text, x, y, { lineBreak: false })` writes, without the work around them.
 * For such a line pdfkit lays the text out three times (its width for a link or an underline, its
 * glyphs, and its width again to move a cursor the report never reads), each a lookup per word in
 * its layout cache; here once, for the glyphs. A newline left in a line (a truncated title may
 * hold one) is dropped, its two sides drawn one after the other, where pdfkit's text drew them as
 * two fragments side by side.
 */
export function drawTextLine(doc: unknown, text: string, x: number, y: number): void {
  (doc as FragmentDrawing)._fragment(text, x, y, PLACED);
}
