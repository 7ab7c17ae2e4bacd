import { type Language, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { niceMax } from '../dashboard/chart';
import { useDuration } from '../outcomes/use-duration';
import { hours } from './transparency-helpers';
import type { TransparencyReport } from './transparency-store';

const W = 900;
const H = 170;
const LEFT = 40;
const TOP = 16;
const BOTTOM = 30;

/** Median and 90th percentile time to action per ISO week, in hours, as pairs of SVG bars. */
export function TimeToActionChart({ weeks, language }: { weeks: TransparencyReport['weeks']; language: Language }) {
  const t = useT();
  const duration = useDuration();
  const plotW = W - LEFT;
  const plotH = H - TOP - BOTTOM;
  const max = niceMax(Math.max(0, ...weeks.map((w) => hours(w.p90SecondsToAction))));
  const slot = plotW / Math.max(1, weeks.length);
  const barW = Math.max(1, Math.min(16, slot * 0.35));
  const y = (h: number) => TOP + plotH - (h / max) * plotH;
  const every = Math.max(1, Math.ceil(44 / slot));
  const none = t('transparency.none');
  return (
    <svg className="tr-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('transparency.chart.times')}>
      {[0, 1].map((f) => (
        <g key={f}>
          <line className="chart-grid" x1={LEFT} x2={W} y1={y(max * f)} y2={y(max * f)} />
          <text className="chart-axis" x={LEFT - 6} y={y(max * f) + 4} textAnchor="end">
            {formatNumber(max * f, language)}
          </text>
        </g>
      ))}
      <text className="chart-axis" x={LEFT - 6} y={TOP - 6} textAnchor="end">
        {t('transparency.chart.hours')}
      </text>
      {weeks.map((w, i) => {
        const mid = LEFT + i * slot + slot / 2;
        const bars = [
          ['tr-median', hours(w.medianSecondsToAction), mid - barW],
          ['tr-p90', hours(w.p90SecondsToAction), mid],
        ] as const;
        return (
          <g key={w.week}>
            <title>
              {t('transparency.chart.timeBar', {
                week: t('transparency.weekName', { week: w.week, start: w.start }),
                median: w.medianSecondsToAction === null ? none : duration(w.medianSecondsToAction),
                p90: w.p90SecondsToAction === null ? none : duration(w.p90SecondsToAction),
              })}
            </title>
            {bars.map(([className, h, x]) =>
              h > 0 ? (
                <rect key={className} className={className} x={x} y={y(h)} width={barW} height={y(0) - y(h)} />
              ) : null,
            )}
            {(weeks.length - 1 - i) % every === 0 && (
              <text className="chart-axis" x={mid} y={H - 10} textAnchor="middle">
                {w.week.slice(5)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
