import { FilePickButton } from '../../components/FilePickButton';
import { CopyButton } from '../../components/CopyButton';
import { formatBytes } from '../../components/labels';
import { errorText, textOr, useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import '../review/decision.css';
import type { CaseDetail } from '../cases/cases-store';
import { useDecisionStore } from './decision-store';

function ReceiveZone({ kase }: { kase: CaseDetail }) {
  const t = useT();
  const { phase, over, receive } = useDecisionStore();
  const busy = phase === 'receiving';
  return (
    <div className={`drop-zone${over ? ' over' : ''}${busy ? ' busy' : ''}`} data-testid="decision-drop">
      <strong>{t('decision.receive.drop')}</strong>
      <span className="muted small">{t('decision.receive.waiting')}</span>
      <FilePickButton
        label={t('decision.receive.pick')}
        accept=".zip,application/zip"
        busy={busy}
        testId="decision-file"
        onFiles={([file]) => void receive(kase.id, file)}
      />
    </div>
  );
}

function ReceiveState({ kase }: { kase: CaseDetail }) {
  const t = useT();
  const { caseId, phase, fileName, outcome, error, cancel } = useDecisionStore();
  if (caseId !== kase.id) return null;
  if (phase === 'receiving') {
    return (
      <div className="verifying" role="status" aria-busy="true" data-testid="decision-receiving">
        <progress className="progress" aria-label={t('decision.receive.checking')} />
        <div className="field-row">
          <span>
            {t('decision.receive.checking')} <span className="mono">{fileName}</span>
          </span>
          <button type="button" className="button-secondary small" onClick={() => void cancel()}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }
  if (phase === 'done' && outcome) {
    const decision = textOr(t, `cases.status.${outcome.decision}`, outcome.decision);
    return (
      <p
        className={`banner ${outcome.outcome === 'received' ? 'banner-ok' : 'banner-warn'}`}
        role="status"
        data-testid="decision-outcome"
      >
        {outcome.outcome === 'received'
          ? t('decision.receive.received', { decision, name: outcome.signer.name })
          : t('decision.receive.already')}
      </p>
    );
  }
  if (phase === 'failed' && error) {
    return (
      <div className="banner banner-error" role="alert" data-testid="decision-error">
        <strong>{t('decision.receive.failed')}</strong> {errorText(t, error)}
      </div>
    );
  }
  return null;
}

/**
 * The supervisor's decision coming back: while the case waits for one, a drop zone and a picker
 * (the whole case page takes a drop too); below, every decision received, which can be handed over again.
 */
export function DecisionCard({ kase }: { kase: CaseDetail }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { caseId, exported, exportError, exportAgain } = useDecisionStore();
  if (kase.exports.length === 0) return null;
  const mine = caseId === kase.id;
  return (
    <section className="card" data-testid="decision-card">
      <h2>{t('decision.receive.title')}</h2>
      {kase.status === 'exported' && <ReceiveZone kase={kase} />}
      <ReceiveState kase={kase} />
      <ul className="decision-list">
        {kase.decisions.map((d) => (
          <li key={d.id} data-testid="received-decision">
            <strong>
              {t('decision.list.entry', {
                revision: d.revision,
                decision: textOr(t, `cases.status.${d.decision}`, d.decision),
                name: d.signer.name,
              })}
            </strong>
            <div className="muted small">
              {t('decision.list.signedAt', {
                at: formatDateTime(d.signedAt, language),
                received: formatDateTime(d.receivedAt, language),
              })}{' '}
              · <span className="mono">{d.fileName}</span> · {formatBytes(d.bytes, language)}
            </div>
            {d.comment && <div className="prewrap timeline-note small">{d.comment}</div>}
            <button
              type="button"
              className="button-ghost small"
              onClick={() => void exportAgain(kase.id, d.id, d.fileName)}
            >
              {t('decision.list.export')}
            </button>
            {mine && exported?.decisionId === d.id && (
              <div className="fact-with-action small" role="status">
                {t('decision.list.exported')} <span className="mono">{exported.path}</span>
                <CopyButton text={exported.path} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {mine && exportError && (
        <div className="banner banner-error" role="alert">
          {errorText(t, exportError)}
        </div>
      )}
    </section>
  );
}
