/**
 * Page flow for the report PDF on top of pdfkit: a cursor that moves down the page and breaks to a
 * new page when the next thing does not fit, rows of wrapped cells that may split across pages line
 * by line (the table repeats its header after each break), and single lines at exact positions.
 * Lines are broken by pdf-text.ts and drawn at explicit coordinates, so pdfkit never adds a page on
 * its own and nothing runs past a margin: a page break happens only in `addPage()`.
 */
import type PDFDocument from 'pdfkit';
import {
  cleanText,
  hasRtl,
  paragraphDirection,
  truncateText,
  visualOrder,
  wrapText,
  type CleanOptions,
  type Measure,
} from './pdf-text';
import {
  type Align,
  COLORS,
  type FontName,
  type Line,
  PAGE,
  type RowCell,
  type RowOptions,
  type TextStyle,
} from './pdf-page';
import { LaterContent } from './pdf-later-content';
import { drawTextLine } from './pdf-text-line';
import { shapeByCharacter, type ShapingFont } from './pdf-character-shaping';
import { encodeByWord, type EncodingFont } from './pdf-word-encoding';
import { type MeasuredFont, WordWidths } from './pdf-widths';

type Doc = InstanceType<typeof PDFDocument>;

export class Layout {
  y: number = PAGE.firstTop;
  readonly left: number = PAGE.marginX;
  readonly right: number = PAGE.width - PAGE.marginX;
  readonly width: number = PAGE.width - 2 * PAGE.marginX;
  pageCount = 0;

  private readonly widths = new WordWidths();
  /** the running header and footer, drawn on every page once the total is known */
  readonly later: LaterContent;

  constructor(
    readonly doc: Doc,
    /** font files by name; pdfkit caches a font under the exact string it was first opened with */
    private readonly fonts: Record<FontName, string>,
  ) {
    this.later = new LaterContent(doc, Object.values(fonts));
  }

  private setFont(style: TextStyle): void {
    this.doc.font(this.fonts[style.font]).fontSize(style.size);
    shapeByCharacter(this.currentFont() as unknown as ShapingFont);
    encodeByWord(this.currentFont() as unknown as EncodingFont);
  }

  /** pdfkit's embedded font last set with setFont */
  private currentFont(): MeasuredFont & { ascender: number } {
    return (this.doc as unknown as { _font: MeasuredFont & { ascender: number } })._font;
  }

  get bottom(): number {
    return PAGE.bottom;
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  addPage(): void {
    this.later.addPage();
    this.pageCount++;
    this.y = this.pageCount === 1 ? PAGE.firstTop : PAGE.top;
  }

  /** Breaks to a new page unless `height` fits below the cursor. Returns true on a break. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.addPage();
    return true;
  }

  space(height: number): void {
    this.y = Math.min(this.y + height, this.bottom);
  }

  lineHeight(style: TextStyle): number {
    return style.size * (style.leading ?? 1.3);
  }

  private useStyle(style: TextStyle): void {
    this.setFont(style);
    this.doc.fillColor(style.color ?? COLORS.text);
  }

  /** Distance from the top of a line to its baseline. */
  ascent(style: TextStyle): number {
    this.setFont(style);
    return (this.currentFont().ascender / 1000) * style.size;
  }

  measure(style: TextStyle): Measure {
    return (s: string) => {
      this.setFont(style);
      return this.widths.widthOf(this.currentFont(), style.size, s);
    };
  }

  widthOf(text: string, style: TextStyle): number {
    return this.measure(style)(text);
  }

  /** User or fixed text broken into lines of at most `width`; each paragraph keeps its direction. */
  wrap(text: string, width: number, style: TextStyle, clean: CleanOptions | false = { multiline: true }): Line[] {
    const src = clean === false ? text : cleanText(text, clean);
    const measure = this.measure(style);
    const lines: Line[] = [];
    for (const para of src.split('\n')) {
      const dir = paragraphDirection(para);
      for (const t of wrapText(para, Math.max(width, 1), measure)) lines.push({ text: t, dir, style });
    }
    return lines;
  }

  truncate(text: string, width: number, style: TextStyle): string {
    return truncateText(text, width, this.measure(style));
  }

  /** One line at (x, y), aligned in `width`; right-to-left words put in visual order. */
  drawLine(line: Line, x: number, y: number, width: number, align: Align = 'left'): void {
    if (line.text === '') return;
    this.useStyle(line.style);
    const resolved = align === 'auto' ? (line.dir === 'rtl' ? 'right' : 'left') : align;
    if (!hasRtl(line.text)) {
      let dx = 0;
      if (resolved !== 'left') {
        const w = this.widthOf(line.text, line.style);
        dx = Math.max(0, resolved === 'right' ? width - w : (width - w) / 2);
      }
      drawTextLine(this.doc, line.text, x + dx, y);
      return;
    }
    // Right-to-left words: drawn one by one in visual order. (Handing pdfkit the whole line would
    // let fontkit move each Arabic word's trailing space to its left side.)
    const words = visualOrder(line.text, line.dir).split(' ');
    const space = this.widthOf(' ', line.style);
    const widths = words.map((w) => (w === '' ? 0 : this.widthOf(w, line.style)));
    const total = widths.reduce((a, b) => a + b, 0) + space * Math.max(0, words.length - 1);
    let cx = x + (resolved === 'left' ? 0 : Math.max(0, resolved === 'right' ? width - total : (width - total) / 2));
    words.forEach((w, i) => {
      if (w !== '') drawTextLine(this.doc, w, cx, y);
      cx += (widths[i] ?? 0) + space;
    });
  }

  /** Lines at the cursor from `x`, breaking pages between lines. */
  lines(lines: Line[], x = this.left, width = this.width, align: Align = 'left'): void {
    this.row([{ x, width, lines, align }], { padX: 0, padY: 0, keepTogether: false });
  }

  paragraph(
    text: string,
    style: TextStyle,
    opts: { x?: number; width?: number; align?: Align; clean?: CleanOptions | false } = {},
  ): void {
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.right - x;
    this.lines(this.wrap(text, width, style, opts.clean ?? { multiline: true }), x, width, opts.align ?? 'left');
  }

  hrule(opts: { x1?: number; x2?: number; width?: number; color?: string } = {}): void {
    const y = this.y;
    this.doc
      .save()
      .moveTo(opts.x1 ?? this.left, y)
      .lineTo(opts.x2 ?? this.right, y)
      .lineWidth(opts.width ?? 0.5)
      .strokeColor(opts.color ?? COLORS.rule)
      .stroke()
      .restore();
  }

  /** Height of lines drawn one under another. */
  height(lines: Line[]): number {
    return this.linesHeight(lines, 0, lines.length);
  }

  /** Room on a page below the running header. */
  get pageCapacity(): number {
    return this.bottom - PAGE.top;
  }

  private linesHeight(lines: Line[], from: number, to: number): number {
    let h = 0;
    for (let i = from; i < to; i++) {
      const l = lines[i];
      if (l) h += this.lineHeight(l.style);
    }
    return h;
  }

  /** How many lines from `from` fit in `height`. */
  private linesFitting(lines: Line[], from: number, height: number): number {
    let h = 0;
    let n = 0;
    for (let i = from; i < lines.length; i++) {
      const l = lines[i];
      if (!l) break;
      h += this.lineHeight(l.style);
      if (h > height + 0.01) break;
      n++;
    }
    return n;
  }

  /**
   * A row of cells side by side at the cursor. When it does not fit, it moves to a new page
   * whole if it fits there, else it splits between lines; `afterBreak` runs after every break.
   */
  row(cells: RowCell[], opts: RowOptions = {}): void {
    const padX = opts.padX ?? 0;
    const padY = opts.padY ?? 0;
    const keepTogether = opts.keepTogether ?? true;
    const offsets = cells.map(() => 0);
    const freshTop = () => PAGE.top;
    let first = true;
    for (let guard = 0; guard < 100_000; guard++) {
      const rest = Math.max(0, ...cells.map((c, i) => this.linesHeight(c.lines, offsets[i] ?? 0, c.lines.length)));
      const avail = this.bottom - this.y - 2 * padY;
      if (rest <= avail + 0.01) {
        this.drawRowSegment(cells, offsets, rest, padX, padY, opts.grid ?? false, null);
        this.y += rest + 2 * padY;
        return;
      }
      const smallest = Math.min(
        ...cells.map((c, i) => {
          const l = c.lines[offsets[i] ?? 0];
          return l ? this.lineHeight(l.style) : Infinity;
        }),
      );
      const nothingFits = avail < (Number.isFinite(smallest) ? smallest : 0) * 2;
      const fitsFresh = rest + 2 * padY <= this.bottom - freshTop() - 40;
      if (nothingFits || (first && keepTogether && fitsFresh)) {
        this.addPage();
        opts.afterBreak?.();
        first = false;
        continue;
      }
      // split: draw what fits, continue on the next page
      const counts = cells.map((c, i) => {
        const from = offsets[i] ?? 0;
        const n = this.linesFitting(c.lines, from, avail);
        // no widow: never leave a single line of a cell for the next page
        return n >= 2 && c.lines.length - from - n === 1 ? n - 1 : n;
      });
      this.drawRowSegment(cells, offsets, avail, padX, padY, opts.grid ?? false, counts);
      cells.forEach((_, i) => (offsets[i] = (offsets[i] ?? 0) + (counts[i] ?? 0)));
      this.addPage();
      opts.afterBreak?.();
      first = false;
    }
    throw new Error('layout: row did not converge');
  }

  private drawRowSegment(
    cells: RowCell[],
    offsets: number[],
    contentHeight: number,
    padX: number,
    padY: number,
    grid: boolean,
    counts: number[] | null,
  ): void {
    const h = contentHeight + 2 * padY;
    for (const c of cells) {
      if (c.fill) this.doc.save().rect(c.x, this.y, c.width, h).fill(c.fill).restore();
    }
    cells.forEach((c, i) => {
      const from = offsets[i] ?? 0;
      const to = counts ? from + (counts[i] ?? 0) : c.lines.length;
      let y = this.y + padY + (from === 0 ? (c.dy ?? 0) : 0);
      for (let k = from; k < to; k++) {
        const line = c.lines[k];
        if (!line) break;
        this.drawLine(line, c.x + padX, y, c.width - 2 * padX, c.align ?? 'left');
        y += this.lineHeight(line.style);
      }
    });
    if (grid) {
      this.doc.save().lineWidth(0.5).strokeColor(COLORS.grid);
      for (const c of cells) this.doc.rect(c.x, this.y, c.width, h);
      this.doc.stroke().restore();
    }
  }
}
