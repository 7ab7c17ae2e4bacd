import { useId, useState } from 'react';
import { useNavStore } from '../../app/nav-store';
import { CopyButton } from '../../components/CopyButton';
import { formatBytes } from '../../components/labels';
import { errorText, textOr, useI18n, useT } from '../../i18n';
import { progressFraction } from '../cases/case-helpers';
import { decisionBlocker, reviewItems } from './review-helpers';
import { type Decision, useReviewStore } from './review-store';
import { VerdictBanner } from './VerdictBanner';

function Result() {
  const t = useT();
  const { decision, showResult } = useReviewStore();
  const result = decision.result!;
  return (
    <div className="decision-result" data-testid="decision-result">
      <div className="banner banner-ok" role="status">
        <strong>{decision.decision === 'approved' ? t('review.decide.approvedDone') : t('review.decide.returnedDone')}</strong>
        <div className="fact-with-action">
          <span className="mono" data-testid="decision-path">
            {result.path}
          </span>
          <CopyButton text={result.path} />
        </div>
      </div>
      <p className="muted small">{t('review.decide.verification')}</p>
      <VerdictBanner pkg={result.verification} compact />
      <button type="button" className="button-secondary" onClick={showResult}>
        {t('review.decide.openResult')}
      </button>
    </div>
  );
}

/** Approve or return, with a comment and the per-item review, signed as this vault's supervisor. */
export function DecisionPanel() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const commentId = useId();
  const { pkg, signer, marks, decision, decide, cancelDecide } = useReviewStore();
  const [comment, setComment] = useState('');
  if (!pkg) return null;
  const blocker = decisionBlocker(pkg.verdict, signer, pkg.statements);
  const last = pkg.statements.at(-1);
  const items = reviewItems(marks);
  const problems = items.filter((i) => i.verdict === 'problem').length;
  const running = decision.phase === 'running';
  const fraction = progressFraction(decision.done, decision.total);
  const go = (d: Decision) => void decide(d, comment);

  if (decision.phase === 'done' && decision.result) return (
      <section className="card decision-card">
        <Result />
      </section>
    );
  return (
    <section className="card decision-card" data-testid="decision">
      <h2>{t('review.decide.title')}</h2>
      {blocker && (
        <div className="banner banner-warn" role="status" data-testid="decision-blocked">
          {blocker === 'invalid' && t('review.decide.blockedInvalid')}
          {blocker === 'identity' && t('review.decide.blockedIdentity')}
          {blocker === 'role' && t('review.decide.blockedRole')}
          {blocker === 'self' && t('review.decide.blockedSelf')}
          {blocker === 'identity' && (
            <div>
              <button type="button" className="button-secondary small banner-action" onClick={() => useNavStore.getState().go('settings')}>
                {t('cases.export.openSettings')}
              </button>
            </div>
          )}
        </div>
      )}
      {blocker !== 'invalid' && last && last.role === 'supervisor' && (
        <p className="banner banner-warn small" data-testid="already-decided">
          {t('review.decide.alreadyDecided', { decision: textOr(t, `review.decision.${last.decision}`, last.decision).toLowerCase(), name: last.signer.name })}
        </p>
      )}
      {blocker !== 'invalid' && <p className="muted small">{t('review.decide.marked', { marked: items.length, problems })}</p>}
      <div className="field">
        <label htmlFor={commentId}>{t('review.decide.comment')}</label>
        <textarea id={commentId} rows={3} maxLength={5000} value={comment} disabled={!!blocker || running} placeholder={t('review.decide.commentPlaceholder')} onChange={(e) => setComment(e.target.value)} />
      </div>
      {problems > 0 && !blocker && <p className="banner banner-warn small">{t('review.decide.problemsWarning', { count: problems })}</p>}
      <div className="field-row wrap">
        <button type="button" className="button-primary button-approve" disabled={!!blocker || running} onClick={() => go('approved')}>
          {t('review.decide.approve')}
        </button>
        <button type="button" className="button-secondary button-return" disabled={!!blocker || running || !comment.trim()} onClick={() => go('returned')} title={comment.trim() ? undefined : t('review.decide.returnNeedsComment')}>
          {t('review.decide.return')}
        </button>
      </div>
      {!blocker && !comment.trim() && <p className="muted small">{t('review.decide.returnNeedsComment')}</p>}
      {running && (
        <div className="export-progress" data-testid="decision-progress">
          {fraction === null ? <progress className="progress" aria-label={t('review.decide.signing')} /> : <progress className="progress" max={1} value={fraction} aria-label={t('review.decide.signing')} />}
          <div className="field-row export-progress-text">
            <span className="muted small">{fraction === null ? t('review.decide.signing') : t('cases.export.bytes', { done: formatBytes(Math.min(decision.done, decision.total), language), total: formatBytes(decision.total, language) })}</span>
            <button type="button" className="button-secondary small" onClick={() => void cancelDecide()}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {decision.phase === 'failed' && decision.error && (
        <div className="banner banner-error" role="alert">
          <strong>{t('review.decide.failed')}</strong> {errorText(t, decision.error)}
        </div>
      )}
    </section>
  );
}
