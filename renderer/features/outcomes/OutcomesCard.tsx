import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import '../review/decision.css';
import './outcomes.css';
import { ItemOutcomeTable } from './ItemOutcomeTable';
import { ObserveDialog } from './ObserveDialog';
import { OutcomeMessages } from './OutcomeMessages';
import { ResponseZone } from './ResponseZone';
import { type ItemOutcome, useOutcomesStore } from './outcomes-store';

interface CaseOnPage {
  id: number;
  status: string;
  exports: readonly unknown[];
}

/**
 * What happened to each item once the notice went out: a platform's response file dropped or
 * picked here, the analyst's observations (one item, or every open item at once), each item's
 * outcome and time to action against the deadline, and the responses received.
 */
export function OutcomesCard({ kase }: { kase: CaseOnPage }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { caseId, outcomes, error, busy, load, observe } = useOutcomesStore();
  const [observing, setObserving] = useState<ItemOutcome | null>(null);
  const sent = kase.exports.length > 0;
  useEffect(() => {
    if (sent) void load(kase.id);
  }, [kase.id, kase.status, sent, load]);
  if (!sent) return null;
  const shown = caseId === kase.id ? outcomes : null;
  const answerable = shown?.answerable === true;
  return (
    <section className="card outcomes-card" data-testid="outcomes-card">
      <h2>{t('outcomes.title')}</h2>
      <ErrorBanner error={caseId === kase.id ? error : null} />
      {shown && !answerable && <p className="muted">{t('outcomes.notSentYet')}</p>}
      {shown && shown.items.length > 0 && (
        <div className="outcome-summary" data-testid="outcome-summary">
          <span>{t('outcomes.summary', { final: shown.counts.final, items: shown.counts.items })}</span>
          {shown.counts.overdue > 0 && (
            <span className="overdue-badge">{t('outcomes.overdueItems', { count: shown.counts.overdue })}</span>
          )}
          {shown.deadline && (
            <span className="muted small">
              {t('outcomes.deadline')}: {formatDateTime(shown.deadline, language)}
            </span>
          )}
        </div>
      )}
      {answerable && <ResponseZone caseId={kase.id} />}
      <OutcomeMessages dialogOpen={observing !== null} />
      {answerable && shown.counts.open > 0 && (
        <div className="field-row outcome-actions">
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            onClick={() => void observe(kase.id, { allOpen: true, status: 'still-online' })}
          >
            {t('outcomes.observe.bulk')}
          </button>
        </div>
      )}
      {shown && shown.items.length > 0 && (
        <ItemOutcomeTable outcomes={shown} onObserve={answerable ? setObserving : null} />
      )}
      {shown && shown.items.length === 0 && answerable && <p className="muted">{t('outcomes.noItems')}</p>}
      {shown && shown.responses.length > 0 && (
        <div className="outcome-responses">
          <h3>{t('outcomes.responses.title')}</h3>
          <ul>
            {shown.responses.map((r) => (
              <li key={r.id} data-testid="received-response">
                {t('outcomes.responses.entry', {
                  responder: r.responder,
                  items: r.items,
                  at: formatDateTime(r.respondedAt, language),
                })}{' '}
                <span className="mono muted small">{r.fileName}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {observing && <ObserveDialog caseId={kase.id} item={observing} onClose={() => setObserving(null)} />}
    </section>
  );
}
