import { type FormEvent, useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { textOr, useT } from '../../i18n';
import { isoFromLocalInput, localInputValue } from './outcome-helpers';
import { type ItemOutcome, useOutcomesStore } from './outcomes-store';
import { OBSERVATION_STATUSES } from '../../../electron/common/outcome-statuses';

const STATUSES = OBSERVATION_STATUSES;

/** The analyst's own look at one item: what was seen, when, with a screenshot already in the vault. */
export function ObserveDialog({ caseId, item, onClose }: { caseId: number; item: ItemOutcome; onClose(): void }) {
  const t = useT();
  const ids = { status: useId(), at: useId(), evidence: useId(), note: useId() };
  const { busy, observeError, observe, clearObserveError } = useOutcomesStore();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('still-online');
  // Left as it opened, the time is "now" to the second, which the field (minutes) cannot show: the core takes its own.
  const [at, setAt] = useState<{ value: string; changed: boolean }>(() => ({
    value: localInputValue(new Date()),
    changed: false,
  }));
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const close = () => {
    clearObserveError();
    onClose();
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const evidenceId = Number(evidence.replace('#', ''));
    const saved = await observe(caseId, {
      itemIds: [item.itemId],
      status,
      ...(at.changed && isoFromLocalInput(at.value) ? { at: isoFromLocalInput(at.value)! } : {}),
      ...(evidence.trim() && evidenceId > 0 ? { evidenceId } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (saved) onClose();
  }
  return (
    <Dialog title={t('outcomes.observe.title')} onClose={close} closable={!busy}>
      <form onSubmit={submit} data-testid="observe-form">
        <p className="muted small">
          {t('outcomes.observe.item')}: <strong>{item.title || item.canonicalUrl}</strong>{' '}
          <span className="mono">{item.canonicalUrl}</span>
        </p>
        <div className="field">
          <label htmlFor={ids.status}>{t('outcomes.observe.status')}</label>
          <select
            id={ids.status}
            value={status}
            onChange={(e) => setStatus(e.target.value as (typeof STATUSES)[number])}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {textOr(t, `outcomes.status.${s}`, s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.at}>{t('outcomes.observe.at')}</label>
          <input
            id={ids.at}
            type="datetime-local"
            value={at.value}
            required
            onChange={(e) => setAt({ value: e.target.value, changed: true })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.evidence}>{t('outcomes.observe.evidence')}</label>
          <input
            id={ids.evidence}
            inputMode="numeric"
            pattern="#?[0-9]+"
            value={evidence}
            aria-describedby={`${ids.evidence}-hint`}
            onChange={(e) => setEvidence(e.target.value)}
          />
          <span id={`${ids.evidence}-hint`} className="muted small">
            {t('outcomes.observe.evidenceHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.note}>{t('outcomes.observe.note')}</label>
          <textarea id={ids.note} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <ErrorBanner error={observeError} />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy}>
            {t('outcomes.observe.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
