import { useId, useState } from 'react';
import { type DecisionProblem, decisionProblems } from '../../../electron/common/decision-rules';
import { useNavStore } from '../../app/nav-store';
import { CopyButton } from '../../components/CopyButton';
import { formatBytes } from '../../components/labels';
import { type Translate, errorText, textOr, useI18n, useT } from '../../i18n';
import { progressFraction } from '../cases/case-helpers';
import { ConfirmDecisionDialog, type DecisionSummary } from './ConfirmDecisionDialog';
import { EVIDENCE_PREFIX, decisionBlocker, reviewItems } from './review-helpers';
import { type Decision, useReviewStore } from './review-store';
import './decision.css';
import { VerdictBanner } from './VerdictBanner';
import { TEXT_LIMITS } from '../../../electron/common/limits';

function Result() {
  const t = useT();
  const { decision, showResult } = useReviewStore();
  const result = decision.result!;
  return (
    <div className="decision-result" data-testid="decision-result">
      <div className="banner banner-ok" role="status">
        <strong>
          {decision.decision === 'approved' ? t('review.decide.approvedDone') : t('review.decide.returnedDone')}
        </strong>
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

/** What is still missing for a decision, in the user's words (the core's rule, electron/common/decision-rules.ts). */
function missingText(t: Translate, problem: DecisionProblem): string {
  switch (problem.code) {
    case 'unreviewed':
      return t('decision.missing.unreviewed', { count: problem.files.length });
    case 'problem-needs-comment':
      return t('decision.missing.problemComment', { count: problem.files.length });
    case 'duplicate-item':
      return t('decision.missing.duplicate');
    case 'reason-needed':
      return t('decision.missing.reason');
    case 'return-needs-reason':
    case 'without-review-is-for-approval':
      return t('decision.missing.returnReason');
  }
}

/** The analyst (or anyone whose role cannot decide) sees why there is nothing to sign, and no buttons. */
function NoDecisionHere() {
  const t = useT();
  return (
    <section className="card decision-card" data-testid="decision">
      <h2>{t('review.decide.title')}</h2>
      <p className="muted small" data-testid="decision-hidden">
        {t('review.decide.blockedRole')}
      </p>
    </section>
  );
}

function Blocked({ blocker }: { blocker: 'invalid' | 'identity' | 'self' }) {
  const t = useT();
  return (
    <div className="banner banner-warn" role="status" data-testid="decision-blocked">
      {blocker === 'invalid' && t('review.decide.blockedInvalid')}
      {blocker === 'identity' && t('review.decide.blockedIdentity')}
      {blocker === 'self' && t('review.decide.blockedSelf')}
      {blocker === 'identity' && (
        <div>
          <button
            type="button"
            className="button-secondary small banner-action"
            onClick={() => useNavStore.getState().go('settings')}
          >
            {t('cases.export.openSettings')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Approve or return, signed as this vault's supervisor, deliberately: approval needs every item
 * marked or a written reason to skip the item review, a return says what to fix, and both are
 * confirmed in a dialog naming the case, the items and the tag-manifest hash.
 */
export function DecisionPanel() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const commentId = useId();
  const reasonId = useId();
  const { pkg, signer, marks, decision, decide, cancelDecide } = useReviewStore();
  const [comment, setComment] = useState('');
  const [withoutReview, setWithoutReview] = useState(false);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState<Decision | null>(null);
  if (!pkg) return null;
  const blocker = decisionBlocker(pkg.verdict, signer, pkg.statements);
  if (blocker === 'role') return <NoDecisionHere />;
  if (decision.phase === 'done' && decision.result) {
    return (
      <section className="card decision-card">
        <Result />
      </section>
    );
  }
  const last = pkg.statements.at(-1);
  const files = pkg.payload.map((p) => p.file).filter((f) => f.startsWith(EVIDENCE_PREFIX));
  const items = reviewItems(marks).filter((i) => files.includes(i.file));
  const problems = items.filter((i) => i.verdict === 'problem').length;
  const without = withoutReview ? { reason } : null;
  const approveMissing = decisionProblems({ decision: 'approved', comment, items, withoutItemReview: without }, files);
  const returnMissing = decisionProblems({ decision: 'returned', comment, items }, files);
  const running = decision.phase === 'running';
  const fraction = progressFraction(decision.done, decision.total);
  const locked = !!blocker || running;
  const summary = (d: Decision): DecisionSummary => ({
    decision: d,
    reference: pkg.bagInfo['External-Identifier'] ?? pkg.fileName,
    title: pkg.bagInfo['External-Description'] ?? '',
    signer: signer?.name ?? '',
    total: files.length,
    marked: items.length,
    problems,
    tagmanifestSha256: pkg.tagmanifestSha256,
    comment,
    withoutReviewReason: d === 'approved' && without ? reason.trim() : null,
  });
  const hints = blocker ? [] : [...new Set([...approveMissing, ...returnMissing].map((p) => missingText(t, p)))];

  return (
    <section className="card decision-card" data-testid="decision">
      <h2>{t('review.decide.title')}</h2>
      {blocker && <Blocked blocker={blocker} />}
      {blocker !== 'invalid' && last && last.role === 'supervisor' && (
        <p className="banner banner-warn small" data-testid="already-decided">
          {t('review.decide.alreadyDecided', {
            decision: textOr(t, `review.decision.${last.decision}`, last.decision).toLowerCase(),
            name: last.signer.name,
          })}
        </p>
      )}
      {blocker !== 'invalid' && (
        <p className="muted small" data-testid="decision-progress-count">
          {t('decision.reviewed', { marked: items.length, total: files.length, problems })}
        </p>
      )}
      <div className="field">
        <label htmlFor={commentId}>{t('review.decide.comment')}</label>
        <textarea
          id={commentId}
          rows={3}
          maxLength={TEXT_LIMITS.comment}
          value={comment}
          disabled={locked}
          placeholder={t('review.decide.commentPlaceholder')}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <label className="checkbox-line">
        <input
          type="checkbox"
          checked={withoutReview}
          disabled={locked}
          onChange={(e) => setWithoutReview(e.target.checked)}
        />{' '}
        {t('decision.withoutReview')}
      </label>
      {withoutReview && (
        <div className="field">
          <label htmlFor={reasonId}>{t('decision.withoutReviewReason')}</label>
          <textarea
            id={reasonId}
            rows={2}
            maxLength={TEXT_LIMITS.reason}
            value={reason}
            disabled={locked}
            placeholder={t('decision.withoutReviewPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      )}
      {problems > 0 && !blocker && (
        <p className="banner banner-warn small">{t('review.decide.problemsWarning', { count: problems })}</p>
      )}
      {hints.length > 0 && (
        <ul className="decision-missing small" data-testid="decision-missing">
          {hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
      <div className="field-row wrap">
        <button
          type="button"
          className="button-primary button-approve"
          disabled={locked || approveMissing.length > 0}
          onClick={() => setConfirming('approved')}
        >
          {t('review.decide.approve')}
        </button>
        <button
          type="button"
          className="button-secondary button-return"
          disabled={locked || returnMissing.length > 0}
          onClick={() => setConfirming('returned')}
        >
          {t('review.decide.return')}
        </button>
      </div>
      {confirming && (
        <ConfirmDecisionDialog
          summary={summary(confirming)}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void decide(confirming, comment, confirming === 'approved' ? without : null);
          }}
        />
      )}
      {running && (
        <div className="export-progress" data-testid="decision-progress">
          {fraction === null ? (
            <progress className="progress" aria-label={t('review.decide.signing')} />
          ) : (
            <progress className="progress" max={1} value={fraction} aria-label={t('review.decide.signing')} />
          )}
          <div className="field-row export-progress-text">
            <span className="muted small">
              {fraction === null
                ? t('review.decide.signing')
                : t('cases.export.bytes', {
                    done: formatBytes(Math.min(decision.done, decision.total), language),
                    total: formatBytes(decision.total, language),
                  })}
            </span>
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
