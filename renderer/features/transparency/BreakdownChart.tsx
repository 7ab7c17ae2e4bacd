import { type Language, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { OUTCOME_SERIES } from './transparency-helpers';
import type { TransparencyReport } from './transparency-store';

type Row = TransparencyReport['total'] & { name: string };

const W = 900;
const LABEL = 170;
const ROW = 26;
const VALUE = 48;

/** Items reported per platform or category as horizontal stacked SVG bars, longest first. */
export function BreakdownChart({ rows, what, language }: { rows: Row[]; what: string; language: Language }) {
  const t = useT();
  const max = Math.max(1, ...rows.map((r) => r.reported));
  const scale = (W - LABEL - VALUE) / max;
  const H = rows.length * ROW + 4;
  return (
    <svg
      className="tr-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('transparency.chart.breakdown', { what })}
    >
      {rows.map((r, i) => {
        const top = i * ROW + 4;
        let x = LABEL;
        return (
          <g key={r.name}>
            <title>
              {t('transparency.chart.weekBar', {
                week: r.name,
                reported: r.reported,
                actioned: r.actioned,
                notActioned: r.notActioned,
                alreadyGone: r.alreadyGone,
                pending: r.pending,
              })}
            </title>
            <text className="chart-label" x={LABEL - 8} y={top + 14} textAnchor="end">
              {r.name}
            </text>
            {OUTCOME_SERIES.map((s) => {
              const width = r[s] * scale;
              const rect = width > 0 && (
                <rect key={s} className={`tr-${s}`} x={x} y={top} width={width} height={ROW - 8} />
              );
              x += width;
              return rect;
            })}
            <text className="chart-value" x={x + 6} y={top + 14}>
              {formatNumber(r.reported, language)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
