import type { Language } from '../../../renderer/i18n/catalogs';
import type { Layout } from '../report/pdf-layout';
import { COLORS } from '../report/pdf-page';
import { ST } from '../report/pdf-styles';
import { type PdfWords, dayMonth } from './pdf-words';
import type { WeekCounts } from './transparency-report';

/** What each bar is made of, bottom up: together they are the items reported that week. */
export const SERIES = [
  { key: 'actioned', color: '#1f6f43' },
  { key: 'notActioned', color: '#b3261e' },
  { key: 'alreadyGone', color: '#5c6470' },
  { key: 'pending', color: '#a07a00' },
] as const;

/** Room the chart takes beyond its bars: the top count, the week labels, the legend. */
export const CHART_CHROME = 8 + 22 + 18;
const AXIS = 24;

/** A round top for the axis (1, 2, 5, 10, 20, 50…) at or above the largest week. */
function axisTop(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((s) => s * power).find((v) => v >= max)!;
}

/** Items reported per ISO week as stacked bars `HEIGHT` high, with a legend, at the cursor. */
export function drawWeekChart(
  L: Layout,
  w: PdfWords,
  weeks: readonly WeekCounts[],
  language: Language,
  HEIGHT: number,
): void {
  const doc = L.doc;
  const top = L.y + 8; // room for the tallest bar's count
  const left = L.left + AXIS;
  const width = L.width - AXIS;
  const max = axisTop(Math.max(0, ...weeks.map((k) => k.reported)));
  const slot = width / Math.max(1, weeks.length);
  const barWidth = Math.max(1, Math.min(40, slot * 0.7));
  const yOf = (n: number) => top + HEIGHT - (n / max) * HEIGHT;
  for (const f of [0, 0.5, 1]) {
    if (f === 0.5 && max % 2 !== 0) continue;
    doc
      .save()
      .moveTo(left, yOf(max * f))
      .lineTo(L.right, yOf(max * f))
      .lineWidth(0.4)
      .strokeColor(COLORS.grid)
      .stroke()
      .restore();
    L.drawLine(L.wrap(w.number(max * f), AXIS - 4, ST.caption, false)[0]!, L.left, yOf(max * f) - 3, AXIS - 4, 'right');
  }
  // label every week when they fit, else every k-th, counted back from the last
  const every = Math.max(1, Math.ceil(56 / slot));
  weeks.forEach((k, i) => {
    const x = left + i * slot + (slot - barWidth) / 2;
    let base = 0;
    for (const s of SERIES) {
      const n = k[s.key];
      if (n > 0)
        doc
          .save()
          .rect(x, yOf(base + n), barWidth, yOf(base) - yOf(base + n))
          .fill(s.color)
          .restore();
      base += n;
    }
    if (k.reported > 0 && slot >= 14)
      L.drawLine(
        L.wrap(w.number(k.reported), slot, ST.caption, false)[0]!,
        left + i * slot,
        yOf(k.reported) - 8,
        slot,
        'center',
      );
    if ((weeks.length - 1 - i) % every === 0) {
      const label = [k.week.slice(5), dayMonth(k.start, language)];
      label.forEach((text, j) =>
        L.drawLine(
          L.wrap(text, slot * every, ST.caption, false)[0]!,
          left + i * slot - (slot * (every - 1)) / 2,
          top + HEIGHT + 3 + j * 7.5,
          slot * every,
          'center',
        ),
      );
    }
  });
  L.y = top + HEIGHT + 22;
  // legend
  let x = left;
  for (const s of SERIES) {
    const label = w.t(`transparency.${s.key}`);
    doc
      .save()
      .rect(x, L.y + 1, 7, 7)
      .fill(s.color)
      .restore();
    L.drawLine(L.wrap(label, 150, ST.caption, false)[0]!, x + 10, L.y + 1.5, 150);
    x += 10 + L.widthOf(label, ST.caption) + 14;
  }
  L.y += 18;
}
