import { type DragEvent, useEffect, useMemo, useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { platformLabel } from '../../components/labels';
import { useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { OutcomesCard } from '../outcomes/OutcomesCard';
import { AddItemsDialog } from './AddItemsDialog';
import { CaseItems } from './CaseItems';
import { CaseStatusBadge, DueText, OverdueBadge, PriorityLabel } from './CaseBits';
import { DecisionCard } from '../decisions/DecisionCard';
import { DeleteCaseDialog } from './DeleteCaseDialog';
import { EditCaseDialog } from './EditCaseDialog';
import { ExportPanel } from './ExportPanel';
import { ExportsCard } from './ExportsCard';
import { SeenBeforeBanner } from './SeenBeforeBanner';
import { StatusCard } from './StatusCard';
import { useCasesStore } from './cases-store';
import { useDecisionStore } from '../decisions/decision-store';
import { useDueRefresh } from './use-due-refresh';
import { useNow } from './use-now';

export function CaseDetailView() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const now = useNow();
  const { detail: kase, channels, evidence, detailError, actionError, close } = useCasesStore();
  const reloadDetail = useCasesStore((s) => s.reloadDetail);
  const [dialog, setDialog] = useState<'add' | 'edit' | 'delete' | null>(null);
  const loadPresets = useCasesStore((s) => s.loadPresets);
  useEffect(() => {
    void loadPresets();
  }, [loadPresets]);
  useDueRefresh(
    useMemo(() => (kase ? [kase] : null), [kase]),
    reloadDetail,
  );
  // The supervisor's package can be dropped anywhere on a case that waits for a decision.
  const takesDecision = kase?.status === 'exported';
  const setOver = useDecisionStore((s) => s.setOver);
  const drag = {
    onDragOver(e: DragEvent<HTMLDivElement>) {
      if (!takesDecision) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop(e: DragEvent<HTMLDivElement>) {
      if (!takesDecision || !kase) return;
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer.files[0];
      if (file) void useDecisionStore.getState().receive(kase.id, file);
    },
  };
  return (
    <div className="view" data-testid="case-detail" {...drag}>
      <button type="button" className="button-link back-link" onClick={close}>
        ← {t('cases.back')}
      </button>
      <ErrorBanner error={detailError} />
      {!kase && !detailError && <LoadingState />}
      {kase && (
        <>
          <div className="view-head">
            <div className="case-head">
              <span className="mono muted" data-testid="case-reference">
                {kase.reference}
              </span>
              <h1 className="detail-title" title={kase.title}>
                {kase.title}
              </h1>
              <div className="detail-sub">
                <CaseStatusBadge status={kase.status} />
                {kase.revision > 1 && (
                  <span className="badge">{t('workflow.revision', { revision: kase.revision })}</span>
                )}
                {kase.overdue && <OverdueBadge />}
              </div>
            </div>
            {kase.status === 'draft' && (
              <div className="field-row">
                <button type="button" className="button-secondary" onClick={() => setDialog('edit')}>
                  {t('workflow.editCase')}
                </button>
                {kase.exports.length === 0 && (
                  <button type="button" className="button-secondary" onClick={() => setDialog('delete')}>
                    {t('workflow.deleteCase')}
                  </button>
                )}
              </div>
            )}
          </div>
          {dialog === null && <ErrorBanner error={actionError} />}
          <SeenBeforeBanner kase={kase} />
          <OutcomesCard kase={kase} />
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
                    <DueText dueAt={kase.dueAt} now={now} open={kase.open} />
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
              <CaseItems kase={kase} channels={channels} evidence={evidence} onAdd={() => setDialog('add')} />
            </div>
            <div>
              {kase.status !== 'returned' && <ExportPanel kase={kase} />}
              <ExportsCard kase={kase} />
              <DecisionCard kase={kase} />
              <StatusCard kase={kase} />
            </div>
          </div>
          {dialog === 'add' && <AddItemsDialog kase={kase} onClose={() => setDialog(null)} />}
          {dialog === 'edit' && <EditCaseDialog kase={kase} onClose={() => setDialog(null)} />}
          {dialog === 'delete' && <DeleteCaseDialog kase={kase} onClose={() => setDialog(null)} />}
        </>
      )}
    </div>
  );
}
