/** The report's first page (what is asked, of whom, on what basis) and its table of channels. */
import { type Layout } from './pdf-layout';
import { COLORS, type TextStyle } from './pdf-page';
import { drawTable, tableLeadHeight, type Column, type TableSegment } from './pdf-table';
import { type PdfStrings } from './pdf-strings';
import { formatDate, formatDateTime, formatDateTimeShort, formatInteger, platformName, vocab } from './pdf-format';
import { cleanText } from './pdf-text';
import { ST, keyValue, sectionHeading } from './pdf-styles';
import type { ReportData, ReportLanguage } from '../../common/report-json';

/** The first page: letterhead, the case, and what is requested (`evidenceCount` items). */
export function drawFirstPage(
  L: Layout,
  data: ReportData,
  evidenceCount: number,
  s: PdfStrings,
  lang: ReportLanguage,
): void {
  const c = data.case;
  // Letterhead
  const unit = cleanText(data.unit).toLocaleUpperCase(lang === 'id' ? 'id-ID' : 'en-GB');
  L.paragraph(unit, ST.letterhead, { align: 'center', clean: false });
  L.space(5);
  L.hrule({ width: 1.6, color: COLORS.accent });
  L.space(2.2);
  L.hrule({ width: 0.5, color: COLORS.accent });
  L.space(22);

  // Title and number
  L.paragraph(s.title.toLocaleUpperCase(lang === 'id' ? 'id-ID' : 'en-GB'), ST.title, {
    align: 'center',
    clean: false,
  });
  L.space(2);
  L.paragraph(`${s.numberLabel}: ${c.reference}`, ST.subtitle, { align: 'center', clean: { strict: true } });
  L.space(18);

  // Case fields
  const priority =
    c.priority === 'urgent' ? s.priority.urgent : c.priority === 'normal' ? s.priority.normal : c.priority;
  const fields: [string, string, TextStyle, boolean][] = [
    [s.fields.date, formatDate(c.exportedAt, lang), ST.value, false],
    [s.fields.platform, platformName(c.platform), ST.value, false],
    [s.fields.priority, priority, c.priority === 'urgent' ? { ...ST.value, font: 'bold' } : ST.value, false],
    [s.fields.due, formatDateTime(c.dueAt, lang), ST.value, false],
    [s.fields.legalBasis, c.legalBasis.trim() || s.none, ST.value, false],
    [s.fields.caseTitle, c.title.trim() || s.none, ST.value, false],
    [s.fields.notes, c.notes.trim() || s.none, ST.value, false],
  ];
  const labelW = 112;
  for (const [label, value, style, strict] of fields) {
    keyValue(L, label, value, {
      x: L.left,
      labelW,
      width: L.width,
      labelStyle: ST.label,
      valueStyle: style,
      strict,
      padY: 2.2,
    });
  }
  L.space(6);
  L.paragraph(s.timeNote, ST.note);
  L.space(12);

  // The request
  const due = formatDateTime(c.dueAt, lang);
  L.paragraph(
    s.request({
      unit: cleanText(data.unit),
      platform: platformName(cleanText(c.platform)),
      channels: data.channels.length,
      evidence: evidenceCount,
      due,
    }),
    ST.body,
    { align: 'left' },
  );
  L.space(16);
}

export function drawChannels(L: Layout, data: ReportData, s: PdfStrings, lang: ReportLanguage): void {
  const heading = `${s.sectionChannels} (${data.channels.length})`;
  if (data.channels.length === 0) {
    sectionHeading(L, heading, L.lineHeight(ST.body));
    L.paragraph(s.noChannels, ST.body);
    L.space(16);
    return;
  }
  const t = s.table;
  const widths = [22, 44, 40, 112, 86, 52, 48, 52];
  const cols: Column[] = [
    { header: t.no, width: 22, align: 'right' },
    { header: t.platform, width: 44 },
    { header: t.kind, width: 40 },
    { header: t.url, width: 112 },
    { header: t.title, width: 86 },
    { header: t.category, width: 52 },
    { header: t.status, width: 48 },
    { header: t.firstSeen, width: 52 },
    { header: t.evidence, width: L.width - widths.reduce((a, b) => a + b, 0), align: 'right' },
  ];
  const rows: TableSegment[][][] = data.channels.map((ch, i) => [
    [{ text: String(i + 1), clean: false }],
    [{ text: platformName(ch.platform) }],
    [{ text: vocab(ch.kind, s.kinds) }],
    [{ text: ch.canonicalUrl, style: ST.tdMono, clean: { strict: true } }],
    [
      { text: ch.title.trim() || s.none },
      ...(ch.subscriberCount != null && Number.isFinite(ch.subscriberCount)
        ? [{ text: s.subscribers(formatInteger(ch.subscriberCount, lang)), style: ST.tdMuted, clean: false as const }]
        : []),
    ],
    [{ text: vocab(ch.category, {}) || s.none }],
    [{ text: vocab(ch.status, s.statuses) || s.none }],
    [{ text: formatDateTimeShort(ch.firstSeen, lang) }],
    [{ text: formatInteger(ch.evidenceCount, lang), clean: false }],
  ]);
  const styles = { header: ST.th, cell: ST.td };
  sectionHeading(L, heading, tableLeadHeight(L, cols, rows, styles));
  drawTable(L, cols, rows, styles);
  L.space(20);
}
