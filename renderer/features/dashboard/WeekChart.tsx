import { type Language, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { layoutBars } from './chart';

const W = 640;
const H = 160;
const LEFT = 36;
const BOTTOM = 24;
const TOP = 14;

function weekLabel(week: string, language: Language): string {
  const date = new Date(`${week}T00:00:00Z`);
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** Channels added per week as plain SVG bars; each bar names its week and count for screen readers. */
export function WeekChart({
  weeks,
  language,
}: {
  weeks: ReadonlyArray<{ week: string; count: number }>;
  language: Language;
}) {
  const t = useT();
  const plotW = W - LEFT;
  const plotH = H - BOTTOM - TOP;
  const { bars, max } = layoutBars(weeks, plotW, plotH);
  return (
    <svg className="week-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('dashboard.perWeekLabel')}>
      {(max % 2 === 0 ? [0, 0.5, 1] : [0, 1]).map((f) => {
        const y = TOP + plotH - f * plotH;
        return (
          <g key={f}>
            <line className="chart-grid" x1={LEFT} x2={W} y1={y} y2={y} />
            <text className="chart-axis" x={LEFT - 6} y={y + 4} textAnchor="end">
              {formatNumber(Math.round(max * f), language)}
            </text>
          </g>
        );
      })}
      {bars.map((b, i) => (
        <g key={b.week}>
          <rect className="chart-bar" x={LEFT + b.x} y={TOP + b.y} width={b.width} height={b.height} rx={2}>
            <title>{t('dashboard.weekBar', { week: weekLabel(b.week, language), count: b.count })}</title>
          </rect>
          {b.count > 0 && (
            <text className="chart-value" x={LEFT + b.x + b.width / 2} y={TOP + b.y - 3} textAnchor="middle">
              {formatNumber(b.count, language)}
            </text>
          )}
          {((bars.length - 1 - i) % 2 === 0 || bars.length <= 8) && (
            <text className="chart-axis" x={LEFT + b.x + b.width / 2} y={H - 6} textAnchor="middle">
              {weekLabel(b.week, language)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
