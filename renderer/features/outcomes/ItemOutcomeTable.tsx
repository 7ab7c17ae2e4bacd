import { kindLabel } from '../../components/labels';
import { textOr, useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { openEvidence } from '../search/navigate';
import { OutcomeBadge } from './OutcomeBadge';
import type { CaseOutcomes, ItemOutcome } from './outcomes-store';
import { useDuration } from './use-duration';

/** How long the platform took from the notice, against the deadline; or, with no final outcome yet, where it stands. */
function Timing({ item, deadline }: { item: ItemOutcome; deadline: string | null }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const duration = useDuration();
  if (item.action) {
    const { secondsToAction, secondsBeforeDeadline } = item.action;
    const vars = { time: duration(secondsToAction), margin: duration(secondsBeforeDeadline) };
    return secondsBeforeDeadline >= 0 ? (
      <span>{t('outcomes.timing.within', vars)}</span>
    ) : (
      <span className="late">{t('outcomes.timing.late', vars)}</span>
    );
  }
  if (item.overdue)
    return (
      <span className="overdue-badge" data-testid="item-overdue">
        {t('outcomes.timing.overdue')}
      </span>
    );
  return deadline ? (
    <span className="muted">{t('outcomes.timing.waiting', { due: formatDateTime(deadline, language) })}</span>
  ) : null;
}

/** The latest entry's particulars: who said it, the platform's ticket, its reason, the analyst's note and screenshot. */
function Particulars({ item }: { item: ItemOutcome }) {
  const t = useT();
  const latest = item.history[0];
  if (!latest) return null;
  return (
    <div className="muted small">
      {textOr(t, `outcomes.source.${latest.source}`, latest.source)}
      {latest.ticket && <> · {t('outcomes.ticket', { ticket: latest.ticket })}</>}
      {latest.reason && <> · {latest.reason}</>}
      {latest.note && <> · {latest.note}</>}
      {latest.evidenceId !== null && (
        <>
          {' · '}
          <button type="button" className="button-link" onClick={() => openEvidence(latest.evidenceId!, 'cases')}>
            #{latest.evidenceId}
          </button>
        </>
      )}
    </div>
  );
}

/** Every item of the case's latest notice, with its outcome and its time to action against the deadline. */
export function ItemOutcomeTable({
  outcomes,
  onObserve,
}: {
  outcomes: CaseOutcomes;
  onObserve: ((item: ItemOutcome) => void) | null;
}) {
  const t = useT();
  const language = useI18n((s) => s.language);
  return (
    <div className="table-scroll">
      <table className="table outcome-table" data-testid="outcome-table">
        <thead>
          <tr>
            <th>{t('outcomes.col.item')}</th>
            <th>{t('outcomes.col.outcome')}</th>
            <th>{t('outcomes.col.when')}</th>
            <th>{t('outcomes.col.timing')}</th>
            {onObserve && (
              <th>
                <span className="sr-only">{t('outcomes.observe.open')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {outcomes.items.map((item) => (
            <tr key={item.itemId} className={item.overdue ? 'overdue' : undefined} data-testid="outcome-row">
              <td>
                <span className="badge">{kindLabel(t, item.kind)}</span> {item.title || item.username || ''}
                <div className="mono small truncate item-url" title={item.canonicalUrl}>
                  {item.canonicalUrl}
                </div>
                <div className="mono muted small" title={item.itemId}>
                  {item.itemId.slice(0, 8)}
                </div>
              </td>
              <td>
                <OutcomeBadge status={item.outcome?.status ?? null} />
                <Particulars item={item} />
              </td>
              <td className="nowrap">{item.outcome ? formatDateTime(item.outcome.at, language) : '—'}</td>
              <td>
                <Timing item={item} deadline={outcomes.deadline} />
              </td>
              {onObserve && (
                <td>
                  <button type="button" className="button-ghost small" onClick={() => onObserve(item)}>
                    {t('outcomes.observe.open')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
