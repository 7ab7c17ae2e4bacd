import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n';
import { type CaseDetail, useCasesStore } from './cases-store';

/** Deleting a draft never exported: says that the number is retired and the audit log keeps it. */
export function DeleteCaseDialog({ kase, onClose }: { kase: CaseDetail; onClose(): void }) {
  const t = useT();
  const { busy, actionError, deleteDraft } = useCasesStore();
  const [tried, setTried] = useState(false);
  return (
    <Dialog title={t('workflow.deleteTitle', { reference: kase.reference })} onClose={onClose} closable={!busy}>
      <div data-testid="delete-case">
        <p>{t('workflow.deleteBody', { reference: kase.reference })}</p>
        <ErrorBanner error={tried ? actionError : null} />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button-danger"
            disabled={busy}
            onClick={async () => {
              setTried(true);
              await deleteDraft();
            }}
          >
            {t('workflow.deleteConfirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
