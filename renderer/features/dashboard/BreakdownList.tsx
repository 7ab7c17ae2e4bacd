import type { Language } from '../../i18n';
import { formatNumber } from '../../i18n/format';

interface Props {
  title: string;
  rows: ReadonlyArray<{ key: string; count: number }>;
  label(key: string): string;
  language: Language;
  onPick?(key: string): void;
  testId?: string;
}

/** Counts by one attribute as labelled horizontal bars, largest first; a row can open the filtered table. */
export function BreakdownList({ title, rows, label, language, onPick, testId }: Props) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <section className="card breakdown" data-testid={testId}>
      <h2>{title}</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.key}>
            <button type="button" className="breakdown-row" onClick={() => onPick?.(r.key)} disabled={!onPick}>
              <span className="breakdown-label" title={label(r.key)}>
                {label(r.key)}
              </span>
              <span className="breakdown-bar" aria-hidden="true">
                <span style={{ width: `${(r.count / max) * 100}%` }} />
              </span>
              <span className="num">{formatNumber(r.count, language)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
