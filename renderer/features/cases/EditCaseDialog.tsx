import { type FormEvent, useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n';
import { LegalBasisField, PriorityField } from './CaseFields';
import { type CaseDetail, useCasesStore } from './cases-store';
import { TEXT_LIMITS } from '../../../electron/common/limits';

/** A draft's title, priority (the core moves the due time), legal basis and notes. */
export function EditCaseDialog({ kase, onClose }: { kase: CaseDetail; onClose(): void }) {
  const t = useT();
  const ids = { title: useId(), notes: useId() };
  const { busy, actionError, update } = useCasesStore();
  const [form, setForm] = useState({
    title: kase.title,
    priority: kase.priority,
    legalBasis: kase.legalBasis,
    notes: kase.notes,
  });
  const [tried, setTried] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (form.title.trim() && (await update({ ...form, title: form.title.trim() }))) onClose();
  }
  return (
    <Dialog title={t('workflow.editTitle', { reference: kase.reference })} onClose={onClose} closable={!busy}>
      <form onSubmit={submit} data-testid="edit-case">
        <div className="field">
          <label htmlFor={ids.title}>{t('cases.titleLabel')}</label>
          <input
            id={ids.title}
            value={form.title}
            maxLength={TEXT_LIMITS.short}
            required
            data-autofocus
            onChange={(e) => setForm({ ...form, title: e.target.value })}
          />
        </div>
        <PriorityField name="edit-priority" value={form.priority} onChange={(p) => setForm({ ...form, priority: p })} />
        <LegalBasisField value={form.legalBasis} onChange={(legalBasis) => setForm({ ...form, legalBasis })} />
        <div className="field">
          <label htmlFor={ids.notes}>{t('cases.notes')}</label>
          <textarea
            id={ids.notes}
            rows={2}
            value={form.notes}
            maxLength={TEXT_LIMITS.notes}
            onChange={(e) => setForm({ ...form, notes: e.target.value })}
          />
        </div>
        <ErrorBanner error={tried ? actionError : null} />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy || !form.title.trim()}>
            {busy ? t('workflow.saving') : t('workflow.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
