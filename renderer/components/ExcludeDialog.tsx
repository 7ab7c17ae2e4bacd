import { type FormEvent, useId, useState } from 'react';
import { useT } from '../i18n';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';
import type { UiError } from './errors';
import { TEXT_LIMITS } from '../../electron/common/limits';

interface Props {
  name: string;
  busy: boolean;
  error: UiError | null;
  onConfirm(reason: string): Promise<boolean>;
  onClose(): void;
}

/** Asks why an item is excluded; the reason stays with the item and in the audit log. */
export function ExcludeDialog({ name, busy, error, onConfirm, onClose }: Props) {
  const t = useT();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim() && (await onConfirm(reason.trim()))) onClose();
  }
  return (
    <Dialog title={t('workflow.excludeTitle', { name })} onClose={onClose} closable={!busy}>
      <form onSubmit={submit} data-testid="exclude-dialog">
        <p className="muted">{t('workflow.excludeBody')}</p>
        <div className="field">
          <label htmlFor={reasonId}>{t('workflow.reason')}</label>
          <textarea
            id={reasonId}
            rows={3}
            value={reason}
            maxLength={TEXT_LIMITS.reason}
            required
            data-autofocus
            placeholder={t('workflow.reasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <ErrorBanner error={error} />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-danger" disabled={busy || !reason.trim()}>
            {t('workflow.excludeConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
