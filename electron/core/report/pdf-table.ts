/** Tables for the report PDF on top of the page flow in pdf-layout.ts. */
import { type Layout } from './pdf-layout';
import { type Align, COLORS, type Line, type RowCell, type TextStyle } from './pdf-page';
import type { CleanOptions } from './pdf-text';

export interface Column {
  header: string;
  width: number;
  align?: Align;
}

export interface TableSegment {
  text: string;
  style?: TextStyle;
  clean?: CleanOptions | false;
}

/**
 * A table at the cursor: header row shaded, then one row per entry, zebra-striped, with a grid.
 * Cells wrap (long URLs break after separators or between characters); a row that does not fit
 * moves to the next page or splits there, and the header is repeated at the top of each page.
 */
export function drawTable(
  layout: Layout,
  columns: Column[],
  rows: TableSegment[][][],
  styles: { header: TextStyle; cell: TextStyle },
  padX = 3,
  padY = 3,
): void {
  const xs: number[] = [];
  let x = layout.left;
  for (const c of columns) {
    xs.push(x);
    x += c.width;
  }
  const headerCells: RowCell[] = columns.map((c, i) => ({
    x: xs[i] ?? 0,
    width: c.width,
    lines: layout.wrap(c.header, c.width - 2 * padX, styles.header, false),
    align: c.align === 'right' ? 'right' : c.align === 'center' ? 'center' : 'left',
    fill: COLORS.headFill,
  }));
  const drawHeader = () => layout.row(headerCells, { padX, padY, grid: true, keepTogether: false });
  layout.ensure(tableLeadHeight(layout, columns, rows, styles, padX, padY));
  drawHeader();
  rows.forEach((row, r) => {
    const cells: RowCell[] = columns.map((c, i) => ({
      x: xs[i] ?? 0,
      width: c.width,
      lines: cellLines(layout, row[i] ?? [], c.width - 2 * padX, styles.cell),
      align: c.align ?? 'auto',
      fill: r % 2 === 1 ? COLORS.zebra : null,
    }));
    layout.row(cells, { padX, padY, grid: true, afterBreak: drawHeader });
  });
}

/**
 * The height a table needs to start on a page: its header with the first row (a tall first row
 * counts up to 80 points, it may split after that). A heading above the table keeps this with it.
 */
export function tableLeadHeight(
  layout: Layout,
  columns: Column[],
  rows: TableSegment[][][],
  styles: { header: TextStyle; cell: TextStyle },
  padX = 3,
  padY = 3,
): number {
  const headerLines = Math.max(
    ...columns.map((c) => layout.wrap(c.header, c.width - 2 * padX, styles.header, false).length),
  );
  const firstRowLines = rows[0]
    ? Math.max(
        ...rows[0].map((segs, i) => cellLines(layout, segs, (columns[i]?.width ?? 0) - 2 * padX, styles.cell).length),
      )
    : 0;
  const firstRowHeight = rows[0] ? firstRowLines * layout.lineHeight(styles.cell) + 2 * padY : 0;
  return headerLines * layout.lineHeight(styles.header) + 2 * padY + Math.min(firstRowHeight, 80);
}

function cellLines(layout: Layout, segments: TableSegment[], width: number, base: TextStyle): Line[] {
  const out: Line[] = [];
  for (const seg of segments) {
    if (seg.text === '') continue;
    out.push(...layout.wrap(seg.text, width, seg.style ?? base, seg.clean ?? { multiline: true }));
  }
  return out;
}
