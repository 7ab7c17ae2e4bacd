import { useMemo, useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { platformLabel } from '../../components/labels';
import { useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { AddItemsDialog } from './AddItemsDialog';
import { CaseItems } from './CaseItems';
import { CaseStatusBadge, DueText, OverdueBadge, PriorityLabel } from './CaseBits';
import { ExportPanel } from './ExportPanel';
import { ExportsCard } from './ExportsCard';
import { StatusCard } from './StatusCard';
import { useCasesStore } from './cases-store';
import { isOpenStatus } from './case-helpers';
import { useDueRefresh } from './use-due-refresh';
import { useNow } from './use-now';

export function CaseDetailView() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const now = useNow();
  const { detail: kase, channels, evidence, detailError, actionError, close } = useCasesStore();
  const reloadDetail = useCasesStore((s) => s.reloadDetail);
  const [adding, setAdding] = useState(false);
  useDueRefresh(
    useMemo(() => (kase ? [kase] : null), [kase]),
    reloadDetail,
  );
  return (
    <div className="view" data-testid="case-detail">
      <button type="button" className="button-link back-link" onClick={close}>
        ← {t('cases.back')}
      </button>
      <ErrorBanner error={detailError} />
      {!kase && !detailError && <LoadingState />}
      {kase && (
        <>
          <div className="case-head">
            <span className="mono muted" data-testid="case-reference">
              {kase.reference}
            </span>
            <h1 className="detail-title" title={kase.title}>
              {kase.title}
            </h1>
            <div className="detail-sub">
              <CaseStatusBadge status={kase.status} />
              {kase.overdue && <OverdueBadge />}
            </div>
          </div>
          {!adding && <ErrorBanner error={actionError} />}
          <div className="detail-grid">
            <div>
              <section className="card">
                <h2>{t('cases.facts')}</h2>
                <dl className="facts">
                  <dt>{t('cases.platform')}</dt>
                  <dd>{platformLabel(t, kase.platform)}</dd>
                  <dt>{t('cases.priority')}</dt>
                  <dd>
                    <PriorityLabel priority={kase.priority} />
                  </dd>
                  <dt>{t('cases.due')}</dt>
                  <dd>
                    <DueText dueAt={kase.dueAt} now={now} open={isOpenStatus(kase.status)} />
                  </dd>
                  <dt>{t('cases.legalBasis')}</dt>
                  <dd className="prewrap">{kase.legalBasis || '—'}</dd>
                  <dt>{t('cases.notes')}</dt>
                  <dd className="prewrap">{kase.notes || '—'}</dd>
                  <dt>{t('cases.createdBy')}</dt>
                  <dd>
                    {kase.createdBy} · {formatDateTime(kase.createdAt, language)}
                  </dd>
                </dl>
              </section>
              <CaseItems kase={kase} channels={channels} evidence={evidence} onAdd={() => setAdding(true)} />
            </div>
            <div>
              <ExportPanel kase={kase} />
              <ExportsCard kase={kase} />
              <StatusCard kase={kase} />
            </div>
          </div>
          {adding && <AddItemsDialog kase={kase} onClose={() => setAdding(false)} />}
        </>
      )}
    </div>
  );
}
