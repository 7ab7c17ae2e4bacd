import { type Layout } from './pdf-layout';
import { COLORS, type Line, type TextStyle } from './pdf-page';

/** The report's text styles, in one place so every section draws alike. */
export const ST = {
  letterhead: { font: 'bold', size: 13, color: COLORS.accent, leading: 1.25 },
  title: { font: 'bold', size: 14, color: COLORS.text, leading: 1.3 },
  subtitle: { font: 'sans', size: 9.5, color: COLORS.text },
  label: { font: 'bold', size: 8.5, color: COLORS.text },
  value: { font: 'sans', size: 9, color: COLORS.text, leading: 1.35 },
  valueMono: { font: 'mono', size: 8.5, color: COLORS.text, leading: 1.35 },
  body: { font: 'sans', size: 9, color: COLORS.text, leading: 1.45 },
  note: { font: 'sans', size: 7.5, color: COLORS.muted, leading: 1.4 },
  section: { font: 'bold', size: 10.5, color: COLORS.accent },
  th: { font: 'bold', size: 7, color: COLORS.text, leading: 1.25 },
  td: { font: 'sans', size: 7, color: COLORS.text, leading: 1.3 },
  tdMuted: { font: 'sans', size: 6.5, color: COLORS.muted, leading: 1.3 },
  tdMono: { font: 'mono', size: 6.8, color: COLORS.text, leading: 1.3 },
  evHead: { font: 'bold', size: 8.5, color: COLORS.accent },
  evLabel: { font: 'bold', size: 7.3, color: COLORS.muted, leading: 1.3 },
  evValue: { font: 'sans', size: 7.8, color: COLORS.text, leading: 1.3 },
  evValueMono: { font: 'mono', size: 7.3, color: COLORS.text, leading: 1.35 },
  evMuted: { font: 'sans', size: 7.8, color: COLORS.muted, leading: 1.3 },
  hashLabel: { font: 'bold', size: 7.3, color: COLORS.muted, leading: 1.4 },
  hash: { font: 'mono', size: 7.5, color: COLORS.text, leading: 1.4 },
  caption: { font: 'sans', size: 6.2, color: COLORS.muted, leading: 1.25 },
  placeholder: { font: 'sans', size: 7, color: COLORS.muted },
  cmd: { font: 'mono', size: 7.3, color: COLORS.text, leading: 1.45 },
  running: { font: 'sans', size: 7, color: COLORS.muted },
  footer: { font: 'sans', size: 7.5, color: COLORS.muted },
  footerBold: { font: 'bold', size: 7.5, color: COLORS.text },
} satisfies Record<string, TextStyle>;

/** A label and its value side by side, the value wrapped in its column. */
export function keyValue(
  L: Layout,
  label: string,
  value: string,
  o: {
    x: number;
    labelW: number;
    width: number;
    labelStyle: TextStyle;
    valueStyle: TextStyle;
    strict?: boolean;
    padY?: number;
    extra?: Line[];
  },
): void {
  const valueX = o.x + o.labelW;
  const valueW = o.width - o.labelW;
  const lines = L.wrap(value, valueW, o.valueStyle, o.strict ? { strict: true } : { multiline: true });
  if (o.extra) lines.push(...o.extra);
  L.row(
    [
      {
        x: o.x,
        width: o.labelW - 6,
        lines: L.wrap(label, o.labelW - 6, o.labelStyle, false),
        dy: Math.max(0, L.ascent(o.valueStyle) - L.ascent(o.labelStyle)),
      },
      { x: valueX, width: valueW, lines, dy: Math.max(0, L.ascent(o.labelStyle) - L.ascent(o.valueStyle)) },
    ],
    { padY: o.padY ?? 1.5, keepTogether: false },
  );
}

/** A numbered section title with a rule under it, kept with the first lines that follow. */
export function sectionHeading(L: Layout, text: string, keepWithNext: number): void {
  L.ensure(L.lineHeight(ST.section) + 8 + keepWithNext);
  L.paragraph(text.toLocaleUpperCase(), ST.section, { clean: false });
  L.space(1.5);
  L.hrule({ width: 0.8, color: COLORS.accent });
  L.space(8);
}
