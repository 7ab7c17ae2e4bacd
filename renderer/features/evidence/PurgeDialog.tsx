import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { UiError } from '../../components/errors';
import { useT } from '../../i18n';

interface Props {
  id: number;
  sha256: string;
  busy: boolean;
  error: UiError | null;
  onConfirm(): void;
  onClose(): void;
}

/** The last word before an original leaves the vault for good: which bytes, by their SHA-256. */
export function PurgeDialog({ id, sha256, busy, error, onConfirm, onClose }: Props) {
  const t = useT();
  return (
    <Dialog title={t('workflow.purgeTitle', { id })} onClose={onClose} closable={!busy}>
      <div data-testid="purge-dialog">
        <p>{t('workflow.purgeBody')}</p>
        <p>
          <code className="mono hash-value" data-testid="purge-sha256">
            {sha256}
          </code>
        </p>
        <p className="muted small">{t('workflow.purgeNote')}</p>
        <ErrorBanner error={error} />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button-danger" onClick={onConfirm} disabled={busy}>
            {t('workflow.purgeConfirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
