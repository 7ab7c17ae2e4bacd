import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { OUTCOME_SERIES } from './transparency-helpers';

/** A chart with its title, its legend, and its table behind "Show as a table" (the text alternative). */
export function ChartFigure({
  title,
  chart,
  table,
  legend = 'outcomes',
  testId,
  footer,
}: {
  title: string;
  chart: ReactNode;
  table: ReactNode;
  legend?: 'outcomes' | 'times';
  testId?: string;
  footer?: ReactNode;
}) {
  const t = useT();
  const keys =
    legend === 'outcomes'
      ? OUTCOME_SERIES.map((s) => [`tr-${s}`, t(`transparency.${s}`)])
      : [
          ['tr-median', t('transparency.median')],
          ['tr-p90', t('transparency.p90')],
        ];
  return (
    <section className="card tr-figure" data-testid={testId}>
      <h2>{title}</h2>
      {chart}
      <ul className="tr-legend">
        {keys.map(([className, label]) => (
          <li key={className}>
            <span className={`tr-swatch ${className}`} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
      <details className="tr-details">
        <summary>{t('transparency.asTable')}</summary>
        {table}
      </details>
      {footer}
    </section>
  );
}
