/** The page of the report PDF: its size and margins, colours, text styles, and the shapes the layout draws. */
export type FontName = 'sans' | 'bold' | 'mono';
export type Align = 'left' | 'right' | 'center' | 'auto';

export interface TextStyle {
  font: FontName;
  size: number;
  color?: string;
  /** line height as a multiple of the size; 1.3 unless given */
  leading?: number;
}

export interface Line {
  text: string;
  dir: 'ltr' | 'rtl';
  style: TextStyle;
}

export const COLORS = {
  text: '#1b1b1b',
  muted: '#5c6470',
  accent: '#1f3a5f',
  rule: '#8a94a3',
  grid: '#b9c0c9',
  headFill: '#e3e8ef',
  zebra: '#f5f7fa',
  panel: '#f2f4f7',
} as const;

/** A4 in points, with the margins of the document. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginX: 50,
  /** top of the flow on page 1 (letterhead) and on later pages (below the running header) */
  firstTop: 46,
  top: 62,
  /** bottom of the flow; the footer sits below it */
  bottom: 841.89 - 60,
} as const;

export interface RowCell {
  x: number;
  width: number;
  lines: Line[];
  align?: Align;
  fill?: string | null;
  /** moves the cell's text down, e.g. to share the baseline of a larger neighbour */
  dy?: number;
}

export interface RowOptions {
  padX?: number;
  padY?: number;
  /** draw cell borders */
  grid?: boolean;
  /** called after a page break inside or before this row (a table redraws its header) */
  afterBreak?: () => void;
  /** if the row does not fit here but fits on a fresh page, move it whole (default true) */
  keepTogether?: boolean;
}
