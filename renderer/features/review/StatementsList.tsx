import { textOr, useI18n, usePhraseText, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { groupFingerprint } from '../identity/fingerprint';
import type { OpenedPackage } from './review-store';

/**
 * "Time confirmed by <TSA> at <genTime>" for a statement whose time-stamp token checks and whose TSA
 * is trusted; "time-stamped by", marked not confirmed (why, on hover), when it is not.
 */
function TimeLine({ stamp }: { stamp: OpenedPackage['timestamps'][number] | undefined }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { phrase } = usePhraseText();
  if (!stamp) return null;
  const words = { tsa: stamp.tsa, time: formatDateTime(stamp.genTime, language) };
  return (
    <p
      className="small statement-time"
      data-testid="statement-time"
      data-trusted={stamp.trusted}
      title={stamp.untrustedPhrase ? phrase(stamp.untrustedPhrase) : (stamp.untrusted ?? stamp.file)}
    >
      {stamp.trusted ? t('review.timeConfirmed', words) : t('review.timeStamped', words)}
      {!stamp.trusted && <span className="pill pill-warn">{t('review.timeUnconfirmed')}</span>}
    </p>
  );
}

/** The signed statements in the package, in order: who signed, in which role, deciding what. */
export function StatementsList({
  statements,
  timestamps = [],
}: {
  statements: OpenedPackage['statements'];
  timestamps?: OpenedPackage['timestamps'];
}) {
  const t = useT();
  const language = useI18n((s) => s.language);
  return (
    <section className="card" data-testid="statements">
      <h2>{t('review.statements', { count: statements.length })}</h2>
      {statements.length === 0 && <p className="muted">{t('review.noStatements')}</p>}
      <ol className="statement-list">
        {statements.map((s) => (
          <li key={s.file} className={`statement decision-${s.decision}`}>
            <div className="statement-head">
              <span className={`decision decision-${s.decision}`}>
                {textOr(t, `review.decision.${s.decision}`, s.decision)}
              </span>
              <strong>{s.signer.name || '—'}</strong>
              <span className="muted">
                {textOr(t, `identity.role.${s.role}`, s.role)} · {s.signer.unit}
                {s.signer.id && <> · {s.signer.id}</>}
              </span>
            </div>
            <div className="statement-badges">
              <span className={s.valid ? 'pill pill-ok' : 'pill pill-bad'}>
                {s.valid ? t('review.sigValid') : t('review.sigInvalid')}
              </span>
              <span className={s.trusted ? 'pill pill-ok' : 'pill pill-warn'}>
                {s.trusted ? t('review.trusted') : t('review.untrusted')}
              </span>
              <span className="muted small">{formatDateTime(s.signedAt, language)}</span>
            </div>
            <div className="mono small muted fingerprint-line">{groupFingerprint(s.signer.fingerprint)}</div>
            <TimeLine stamp={timestamps.find((x) => s.file.startsWith(`signatures/${x.seq}-`))} />
            {s.comment && <blockquote className="statement-comment">{s.comment}</blockquote>}
            {s.review.length > 0 && (
              <p className="small muted">
                {t('review.statementItems', {
                  problems: s.review.filter((r) => r.verdict === 'problem').length,
                  total: s.review.length,
                })}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
