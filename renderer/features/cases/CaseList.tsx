import { useEffect } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { platformLabel } from '../../components/labels';
import { useT } from '../../i18n';
import { CaseStatusBadge, DueText, OverdueBadge, PriorityLabel } from './CaseBits';
import { NewCaseDialog } from './NewCaseDialog';
import { useCasesStore } from './cases-store';
import { useNewCaseStore } from './new-case-store';
import { useDueRefresh } from './use-due-refresh';
import { useNow } from './use-now';

export function CaseList() {
  const t = useT();
  const now = useNow();
  const { cases, overdue, loading, error, load, open } = useCasesStore();
  const { isOpen, show } = useNewCaseStore();
  useEffect(() => {
    void load();
  }, [load]);
  useDueRefresh(cases, load);

  return (
    <div className="view" data-testid="cases">
      <div className="view-head">
        <div>
          <h1>{t('nav.cases')}</h1>
          {cases && cases.length > 0 && (
            <p className="muted view-sub" data-testid="case-count">
              {t('cases.count', { count: cases.length })}
            </p>
          )}
        </div>
        <button type="button" className="button-primary" onClick={show}>
          {t('cases.new')}
        </button>
      </div>
      {overdue > 0 && (
        <div className="banner banner-error overdue-summary" role="status" data-testid="overdue-count">
          <strong>{t('cases.overdueCount', { count: overdue })}</strong> {t('cases.overdueHint')}
        </div>
      )}
      <ErrorBanner error={error} />
      {cases === null && loading && <LoadingState />}
      {cases?.length === 0 && (
        <div className="empty" data-testid="cases-empty">
          <h2>{t('cases.emptyTitle')}</h2>
          <p className="muted">{t('cases.emptyBody')}</p>
          <button type="button" className="button-primary" onClick={show}>
            {t('cases.new')}
          </button>
        </div>
      )}
      {cases && cases.length > 0 && (
        <table className="table case-table" data-testid="case-table">
          <thead>
            <tr>
              <th>{t('cases.reference')}</th>
              <th>{t('cases.titleLabel')}</th>
              <th>{t('cases.platform')}</th>
              <th>{t('cases.priority')}</th>
              <th>{t('cases.due')}</th>
              <th>{t('cases.statusLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className={c.overdue ? 'case-row overdue' : 'case-row'}>
                <td className="mono nowrap">
                  <button type="button" className="button-link" onClick={() => open(c.id)}>
                    {c.reference}
                  </button>
                </td>
                <td>
                  <button type="button" className="row-title" title={c.title} onClick={() => open(c.id)}>
                    {c.title}
                  </button>
                  <div className="muted small">
                    {t('cases.itemCounts', { channels: c.channelCount, evidence: c.evidenceCount })}
                  </div>
                </td>
                <td>{platformLabel(t, c.platform)}</td>
                <td>
                  <PriorityLabel priority={c.priority} />
                </td>
                <td>
                  <DueText dueAt={c.dueAt} now={now} open={c.open} />
                </td>
                <td>
                  <div className="status-cell">
                    <CaseStatusBadge status={c.status} />
                    {c.overdue && <OverdueBadge />}
                  </div>
                  {c.overdueItems > 0 && (
                    <div className="overdue-items small" data-testid="overdue-items">
                      {t('outcomes.list.overdueItems', { count: c.overdueItems })}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isOpen && <NewCaseDialog />}
    </div>
  );
}
