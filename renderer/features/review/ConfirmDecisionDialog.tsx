import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import type { Decision } from './review-store';

export interface DecisionSummary {
  decision: Decision;
  reference: string;
  /** the case title, as the package's bag-info.txt gives it */
  title: string;
  /** who signs: this vault's supervisor */
  signer: string;
  total: number;
  marked: number;
  problems: number;
  tagmanifestSha256: string;
  comment: string;
  /** the reason for approving without item review, when chosen */
  withoutReviewReason: string | null;
}

/** Names exactly what will be signed before the key is used: the case, the items, the tag-manifest hash. */
export function ConfirmDecisionDialog({
  summary,
  onConfirm,
  onCancel,
}: {
  summary: DecisionSummary;
  onConfirm(): void;
  onCancel(): void;
}) {
  const t = useT();
  const approve = summary.decision === 'approved';
  return (
    <Dialog
      title={approve ? t('decision.confirm.approveTitle') : t('decision.confirm.returnTitle')}
      onClose={onCancel}
      wide
    >
      <div data-testid="confirm-decision">
        <p>{t('decision.confirm.intro')}</p>
        <dl className="facts confirm-facts">
          <dt>{t('decision.confirm.case')}</dt>
          <dd className="mono" data-testid="confirm-reference">
            {summary.reference}
          </dd>
          {summary.title && (
            <>
              <dt>{t('decision.confirm.caseTitle')}</dt>
              <dd>{summary.title}</dd>
            </>
          )}
          <dt>{t('decision.confirm.items')}</dt>
          <dd data-testid="confirm-items">
            {t('decision.confirm.itemsValue', {
              total: summary.total,
              marked: summary.marked,
              problems: summary.problems,
            })}
          </dd>
          <dt>{t('decision.confirm.tagmanifest')}</dt>
          <dd className="mono hash-value" data-testid="confirm-tagmanifest">
            {summary.tagmanifestSha256}
          </dd>
          <dt>{t('decision.confirm.comment')}</dt>
          <dd className="prewrap">
            {summary.comment.trim() || <span className="muted">{t('decision.confirm.noComment')}</span>}
          </dd>
          <dt>{t('decision.confirm.signer')}</dt>
          <dd data-testid="confirm-signer">{summary.signer}</dd>
          {summary.withoutReviewReason !== null && (
            <>
              <dt>{t('decision.withoutReview')}</dt>
              <dd className="prewrap" data-testid="confirm-without-review">
                {t('decision.confirm.withoutReview')} {summary.withoutReviewReason}
              </dd>
            </>
          )}
        </dl>
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={approve ? 'button-primary' : 'button-danger'}
            onClick={onConfirm}
            data-autofocus
          >
            {approve ? t('decision.confirm.signApprove') : t('decision.confirm.signReturn')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
