import { useId, useState } from 'react';
import { type MessageKey, useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { CaseStatusBadge } from './CaseBits';
import { type CaseDetail, useCasesStore } from './cases-store';
import { TEXT_LIMITS } from '../../../electron/common/limits';

/** Where the request stands: the steps the core allows next as buttons, and the history below. */
export function StatusCard({ kase }: { kase: CaseDetail }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const noteId = useId();
  const { busy, setStatus } = useCasesStore();
  const [note, setNote] = useState('');
  const next = kase.allowedNext;
  const revised = `${kase.reference.replace(/-r\d+$/, '')}-r${kase.revision + 1}`;
  return (
    <section className="card" data-testid="status-card">
      <h2>{t('cases.statusLabel')}</h2>
      {kase.status === 'draft' && <p className="muted small">{t('cases.statusDraftHint')}</p>}
      {kase.status === 'exported' && <p className="muted small">{t('decision.awaiting')}</p>}
      {kase.status === 'returned' && <p className="muted small">{t('workflow.reviseHint', { reference: revised })}</p>}
      {next.length > 0 && (
        <>
          <div className="field">
            <label htmlFor={noteId}>{t('cases.statusNote')}</label>
            <input
              id={noteId}
              value={note}
              maxLength={TEXT_LIMITS.reason}
              placeholder={t('cases.statusNotePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="field-row wrap">
            {next.map((s) => (
              <button
                key={s}
                type="button"
                className={s === 'rejected' ? 'button-secondary' : 'button-primary'}
                disabled={busy}
                data-testid={`status-${s}`}
                onClick={async () => {
                  if (await setStatus(s, note)) setNote('');
                }}
              >
                {t(`cases.mark.${s}` as MessageKey)}
              </button>
            ))}
          </div>
        </>
      )}
      <h3>{t('cases.history')}</h3>
      <ol className="timeline">
        {kase.history.map((h, i) => (
          <li key={i}>
            <CaseStatusBadge status={h.status} /> <span className="muted small">{formatDateTime(h.at, language)}</span>
            <div className="small">{h.actor}</div>
            {h.note && <div className="timeline-note small">{h.note}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
