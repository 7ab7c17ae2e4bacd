import { errorText, useT } from '../../i18n';
import { type IntakeOutcome, useIntakeStore } from './intake-store';

function OutcomeLine({ outcome, onOpen }: { outcome: IntakeOutcome; onOpen(id: number): void }) {
  const t = useT();
  const link = (id: number) => (
    <button type="button" className="button-link" onClick={() => onOpen(id)}>
      #{id}
    </button>
  );
  switch (outcome.status) {
    case 'added':
      return (
        <li className="outcome outcome-added">
          <span className="outcome-name">{outcome.label}</span> <span>{t('intake.added')}</span>{' '}
          {link(outcome.result.evidenceId)}
          {outcome.result.nearDuplicateOf !== null && (
            <span className="outcome-note">
              {' '}
              · {t('intake.looksLike')} {link(outcome.result.nearDuplicateOf)}
            </span>
          )}
          {outcome.result.problems.length > 0 && (
            <span className="outcome-note">
              {' '}
              · {t('intake.withProblems', { count: outcome.result.problems.length })}
            </span>
          )}
        </li>
      );
    case 'duplicate':
      return (
        <li className="outcome outcome-duplicate">
          <span className="outcome-name">{outcome.label}</span> <span>{t('intake.duplicate')}</span>{' '}
          {link(outcome.result.evidenceId)}
        </li>
      );
    case 'failed':
      return (
        <li className="outcome outcome-failed">
          <span className="outcome-name">{outcome.label}</span> <span>{errorText(t, outcome.error)}</span>
        </li>
      );
    case 'skipped':
      return (
        <li className="outcome outcome-skipped">
          <span className="outcome-name">{outcome.label}</span>{' '}
          <span>{outcome.reason === 'hidden' ? t('intake.skippedHidden') : t('intake.skippedUnreadable')}</span>
        </li>
      );
  }
}

/** Progress while files go in ("3 of 12", Cancel), then what happened to each file, failures first. */
export function IntakeStatus({ onOpen }: { onOpen(id: number): void }) {
  const t = useT();
  const { phase, total, done, current, cancelled, outcomes, notProcessed, metaError, metaCleared, cancel, dismiss } =
    useIntakeStore();
  if (metaError) {
    const message =
      metaError.field === 'sourceUrl'
        ? t('intake.badSourceUrl', { reason: errorText(t, metaError.error) })
        : errorText(t, metaError.error);
    return (
      <div className="banner banner-error" role="alert">
        {message}
      </div>
    );
  }
  if (phase === 'idle') return null;
  if (phase === 'preparing') {
    return (
      <div className="card intake-status" role="status">
        {t('intake.preparing')}
      </div>
    );
  }
  const count = (status: IntakeOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const failed = outcomes.filter((o) => o.status === 'failed' || o.status === 'skipped');
  const succeeded = outcomes.filter((o) => o.status === 'added' || o.status === 'duplicate');
  return (
    <section className="card intake-status" data-testid="intake-status">
      {phase === 'running' ? (
        <>
          <div className="card-head">
            <strong role="status">{t('intake.progress', { done: Math.min(done + 1, total), total })}</strong>
            <button type="button" className="button-secondary" onClick={() => void cancel()} disabled={cancelled}>
              {cancelled ? t('intake.cancelling') : t('common.cancel')}
            </button>
          </div>
          <progress className="progress" max={total} value={done} aria-label={t('intake.progressLabel')} />
          {current && <div className="muted small outcome-name">{current}</div>}
        </>
      ) : (
        <>
          <div className="card-head">
            <strong role="status" data-testid="intake-summary">
              {t('intake.summary', { added: count('added'), duplicate: count('duplicate'), failed: count('failed') })}
              {notProcessed > 0 && ` ${t('intake.notProcessed', { count: notProcessed })}`}
            </strong>
            <button type="button" className="button-ghost" onClick={dismiss}>
              {t('common.close')}
            </button>
          </div>
          {metaCleared && (
            <p className="muted small" data-testid="intake-meta-cleared">
              {t('intake.metaCleared')}
            </p>
          )}
        </>
      )}
      {outcomes.length > 0 && (
        <ul className="outcomes">
          {failed.map((o, i) => (
            <OutcomeLine key={`bad-${i}`} outcome={o} onOpen={onOpen} />
          ))}
          {succeeded.map((o, i) => (
            <OutcomeLine key={`ok-${i}`} outcome={o} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}
