/**
 * The transparency report as one A4 page, in Bahasa Indonesia or English: the unit, the period,
 * the totals, a chart of the items reported per ISO week (UTC) split by outcome, then the counts
 * per platform, per category and, when they fit, per week; the method at the foot of the page.
 * Only counts: the report holds no address, name or evidence to print. Nothing here adds a page:
 * what does not fit (the weekly table of a long period) is left to the CSV, and the page says so.
 */
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { Language } from '../../../renderer/i18n/catalogs';
import { resolveFonts } from '../report/pdf-fonts';
import { formatDate, formatDateTime, platformName } from '../report/pdf-format';
import { Layout } from '../report/pdf-layout';
import { COLORS, PAGE, type TextStyle } from '../report/pdf-page';
import { ST, sectionHeading } from '../report/pdf-styles';
import { type Column, type TableSegment, drawTable } from '../report/pdf-table';
import { CHART_CHROME, drawWeekChart, SERIES } from './pdf-week-chart';
import { type PdfWords, dayMonth, pdfWords } from './pdf-words';
import type { Counts, TransparencyReport } from './transparency-report';

export interface TransparencyPdfOptions {
  language: Language;
  /** who publishes the counts: the unit's name */
  unit: string;
  fontsDir: string;
  /** when the report was made; its outcomes are those recorded by then */
  generatedAt: Date;
}

type Doc = InstanceType<typeof PDFDocument>;

const STYLES = { header: ST.th, cell: ST.td };
const ROW_HEIGHT = ST.td.size * 1.3 + 6;

/** The height drawTable gives these rows: each row as tall as its longest cell, 3 points above and below. */
function tableHeight(L: Layout, columns: Column[], rows: TableSegment[][][]): number {
  const rowHeight = (cells: string[], style: TextStyle) =>
    Math.max(...cells.map((text, i) => L.wrap(text, columns[i]!.width - 6, style, false).length)) *
      L.lineHeight(style) +
    6;
  return (
    rowHeight(
      columns.map((c) => c.header),
      ST.th,
    ) +
    rows.reduce(
      (sum, row) =>
        sum +
        rowHeight(
          row.map((cell) => cell[0]?.text ?? ''),
          ST.td,
        ),
      0,
    )
  );
}

function countColumns(w: PdfWords, first: string, width: number): Column[] {
  const rest = (width - 132) / 7;
  return [
    { header: first, width: 132 },
    ...['reported', 'actioned', 'notActioned', 'alreadyGone', 'pending'].map((k) => ({
      header: w.t(`transparency.${k}`),
      width: rest,
      align: 'right' as const,
    })),
    { header: w.t('transparency.medianShort'), width: rest, align: 'right' },
    { header: w.t('transparency.p90Short'), width: rest, align: 'right' },
  ];
}

function countCells(w: PdfWords, name: string, c: Counts): TableSegment[][] {
  return [
    [{ text: name }],
    ...[c.reported, c.actioned, c.notActioned, c.alreadyGone, c.pending].map((n) => [{ text: w.number(n) }]),
    [{ text: w.duration(c.medianSecondsToAction) }],
    [{ text: w.duration(c.p90SecondsToAction) }],
  ];
}

function drawTotals(L: Layout, w: PdfWords, total: Counts): void {
  const tiles: Array<[string, string, string?]> = [
    [w.t('transparency.reported'), w.number(total.reported)],
    ...SERIES.map((s): [string, string, string] => [w.t(`transparency.${s.key}`), w.number(total[s.key]), s.color]),
    [w.t('transparency.medianShort'), w.duration(total.medianSecondsToAction)],
    [w.t('transparency.p90Short'), w.duration(total.p90SecondsToAction)],
  ];
  const gap = 5;
  const width = (L.width - gap * (tiles.length - 1)) / tiles.length;
  const height = 40;
  const doc = L.doc;
  tiles.forEach(([label, value, color], i) => {
    const x = L.left + i * (width + gap);
    doc.save().rect(x, L.y, width, height).fill(COLORS.panel).restore();
    if (color) doc.save().rect(x, L.y, 3, height).fill(color).restore();
    let valueStyle = { ...ST.title, size: 13 };
    while (valueStyle.size > 7 && L.widthOf(value, valueStyle) > width - 10)
      valueStyle = { ...valueStyle, size: valueStyle.size - 0.5 };
    L.drawLine({ text: value, dir: 'ltr', style: valueStyle }, x + 6, L.y + 5 + (13 - valueStyle.size) / 2, width - 10);
    L.wrap(label, width - 10, ST.caption, false)
      .slice(0, 2)
      .forEach((line, k) => L.drawLine(line, x + 6, L.y + 22 + k * 7.5, width - 10));
  });
  L.y += height + 12;
}

function draw(doc: Doc, fonts: ReturnType<typeof resolveFonts>, report: TransparencyReport, o: TransparencyPdfOptions) {
  const w = pdfWords(o.language);
  const L = new Layout(doc, fonts);
  L.addPage();
  L.paragraph(o.unit, ST.letterhead);
  L.paragraph(w.t('transparency.title'), ST.title, { clean: false });
  L.paragraph(
    w.t('transparency.pdf.period', {
      from: formatDate(report.period.from, o.language),
      to: formatDate(report.period.to, o.language),
      at: formatDateTime(o.generatedAt.toISOString(), o.language),
    }),
    ST.subtitle,
  );
  L.space(4);
  L.hrule({ width: 0.8, color: COLORS.accent });
  L.space(10);
  drawTotals(L, w, report.total);

  const platforms = report.platforms.map((p) => countCells(w, platformName(p.platform), p));
  const categories = report.categories.map((c) => countCells(w, w.t(`transparency.category.${c.category}`), c));
  const platformColumns = countColumns(w, w.t('transparency.col.platform'), L.width);
  const categoryColumns = countColumns(w, w.t('transparency.col.category'), L.width);
  const note = L.wrap(w.t('transparency.method'), L.width, ST.note);
  const noteHeight = L.height(note) + 10;
  const headingHeight = L.lineHeight(ST.section) + 9.5;
  // the chart gives way, so the tables per platform and category always fit on the page
  const tables =
    report.total.reported === 0
      ? L.lineHeight(ST.body)
      : 2 * (headingHeight + 10) +
        tableHeight(L, platformColumns, platforms) +
        tableHeight(L, categoryColumns, categories) +
        L.lineHeight(ST.note);
  const chart = L.remaining - headingHeight - CHART_CHROME - tables - noteHeight;
  sectionHeading(L, w.t('transparency.perWeek'), 0);
  drawWeekChart(L, w, report.weeks, o.language, Math.max(40, Math.min(100, chart)));

  if (report.total.reported === 0) L.paragraph(w.t('transparency.empty'), ST.body);
  else {
    sectionHeading(L, w.t('transparency.perPlatform'), 0);
    drawTable(L, platformColumns, platforms, STYLES);
    L.space(10);
    sectionHeading(L, w.t('transparency.perCategory'), 0);
    drawTable(L, categoryColumns, categories, STYLES);
    L.space(10);
  }
  const weeksHeight = 40 + ROW_HEIGHT * (report.weeks.length + 1);
  if (report.total.reported > 0 && weeksHeight <= L.remaining - noteHeight) {
    sectionHeading(L, w.t('transparency.perWeekTable'), 0);
    const rows = report.weeks.map((k) =>
      countCells(w, w.t('transparency.weekName', { week: k.week, start: dayMonth(k.start, o.language) }), k),
    );
    drawTable(L, countColumns(w, w.t('transparency.col.week'), L.width), rows, STYLES);
  } else if (report.total.reported > 0) L.paragraph(w.t('transparency.pdf.weeksInCsv'), ST.note);
  L.y = PAGE.bottom - L.height(note) - 5;
  L.hrule();
  L.space(5);
  L.lines(note);
}

/** The one-page PDF as a stream; throws at once when a font is missing. */
export function renderTransparencyPdf(report: TransparencyReport, o: TransparencyPdfOptions): Readable {
  const fonts = resolveFonts(o.fontsDir);
  const w = pdfWords(o.language);
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.height - PAGE.bottom, left: PAGE.marginX, right: PAGE.marginX },
    autoFirstPage: false,
    font: fonts.sans,
    pdfVersion: '1.7',
    lang: o.language === 'id' ? 'id-ID' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${w.t('transparency.title')} ${report.period.from} – ${report.period.to}`,
      Author: o.unit,
      Creator: 'Jejak',
      Producer: 'Jejak (PDFKit)',
      CreationDate: o.generatedAt,
      ModDate: o.generatedAt,
    },
  });
  setImmediate(() => {
    try {
      draw(doc, fonts, report, o);
      doc.end();
    } catch (err) {
      doc.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  });
  return doc;
}
