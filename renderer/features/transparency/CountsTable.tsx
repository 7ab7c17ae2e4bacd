import { type Language, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useDuration } from '../outcomes/use-duration';
import type { TransparencyReport } from './transparency-store';

type Row = TransparencyReport['total'] & { name: string };

const COUNTS = ['reported', 'actioned', 'notActioned', 'alreadyGone', 'pending'] as const;

/** The figures of a chart as a table: its text alternative, and what a person copies from. */
export function CountsTable({
  rows,
  caption,
  first,
  language,
  testId,
}: {
  rows: Row[];
  /** what the table shows: its caption, and the name of its scrolling region */
  caption: string;
  first: string;
  language: Language;
  testId?: string;
}) {
  const t = useT();
  const duration = useDuration();
  const time = (s: number | null) => (s === null ? t('transparency.none') : duration(s));
  return (
    // focusable: a keyboard can scroll it when it is wider than the window
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table tr-table" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {COUNTS.map((k) => (
              <th scope="col" key={k} className="num">
                {t(`transparency.${k}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('transparency.median')}
            </th>
            <th scope="col" className="num">
              {t('transparency.p90')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              {COUNTS.map((k) => (
                <td key={k} className="num">
                  {formatNumber(r[k], language)}
                </td>
              ))}
              <td className="num">{time(r.medianSecondsToAction)}</td>
              <td className="num">{time(r.p90SecondsToAction)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
