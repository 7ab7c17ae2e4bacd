import { type Language, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { niceMax } from '../dashboard/chart';
import { OUTCOME_SERIES } from './transparency-helpers';
import type { TransparencyReport } from './transparency-store';

const W = 900;
const H = 200;
const LEFT = 36;
const TOP = 16;
const BOTTOM = 30;

/** "W45": the week's number; the table beside the chart names the Monday too. */
const weekNumber = (week: string) => week.slice(5);

/**
 * Items reported per ISO week as stacked SVG bars, bottom up: actioned, not actioned, already
 * gone, no outcome yet. Each bar says all of it in its title; the table after the chart is the
 * same figures for whoever cannot see it.
 */
export function WeekOutcomeChart({ weeks, language }: { weeks: TransparencyReport['weeks']; language: Language }) {
  const t = useT();
  const plotW = W - LEFT;
  const plotH = H - TOP - BOTTOM;
  const max = niceMax(Math.max(0, ...weeks.map((w) => w.reported)));
  const slot = plotW / Math.max(1, weeks.length);
  const barW = Math.max(2, Math.min(36, slot * 0.7));
  const y = (n: number) => TOP + plotH - (n / max) * plotH;
  const every = Math.max(1, Math.ceil(44 / slot));
  return (
    <svg className="tr-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('transparency.chart.weeks')}>
      {[0, 0.5, 1]
        .filter((f) => f !== 0.5 || max % 2 === 0)
        .map((f) => (
          <g key={f}>
            <line className="chart-grid" x1={LEFT} x2={W} y1={y(max * f)} y2={y(max * f)} />
            <text className="chart-axis" x={LEFT - 6} y={y(max * f) + 4} textAnchor="end">
              {formatNumber(max * f, language)}
            </text>
          </g>
        ))}
      {weeks.map((w, i) => {
        const x = LEFT + i * slot + (slot - barW) / 2;
        let base = 0;
        return (
          <g key={w.week} data-testid="tr-week-bar">
            <title>
              {t('transparency.chart.weekBar', {
                week: t('transparency.weekName', { week: w.week, start: w.start }),
                reported: w.reported,
                actioned: w.actioned,
                notActioned: w.notActioned,
                alreadyGone: w.alreadyGone,
                pending: w.pending,
              })}
            </title>
            {OUTCOME_SERIES.map((s) => {
              const n = w[s];
              const rect = n > 0 && (
                <rect key={s} className={`tr-${s}`} x={x} y={y(base + n)} width={barW} height={y(base) - y(base + n)} />
              );
              base += n;
              return rect;
            })}
            {w.reported > 0 && slot >= 18 && (
              <text className="chart-value" x={x + barW / 2} y={y(w.reported) - 4} textAnchor="middle">
                {formatNumber(w.reported, language)}
              </text>
            )}
            {(weeks.length - 1 - i) % every === 0 && (
              <text className="chart-axis" x={LEFT + i * slot + slot / 2} y={H - 10} textAnchor="middle">
                {weekNumber(w.week)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
