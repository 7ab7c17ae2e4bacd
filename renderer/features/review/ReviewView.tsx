import { useEffect, useMemo } from 'react';
import { packageImageUrl } from '../../api';
import { useT } from '../../i18n';
import { useVaultStore } from '../vault/vault-store';
import { ChecksList } from './ChecksList';
import { DecisionPanel } from './DecisionPanel';
import { EvidenceItem } from './EvidenceItem';
import { OpenPackage } from './OpenPackage';
import { ReportSummary } from './ReportSummary';
import { StatementsList } from './StatementsList';
import { TimestampRequests } from './TimestampRequests';
import { VerdictBanner } from './VerdictBanner';
import { earlierComments, evidenceToReview } from './review-helpers';
import { type OpenedPackage, useReviewStore } from './review-store';

const NO_MARK = { verdict: null, comment: '' };

function PackageView({ pkg }: { pkg: OpenedPackage }) {
  const t = useT();
  const { marks, mark, decision, signer, close } = useReviewStore();
  const report = pkg.report;
  const items = useMemo(() => evidenceToReview(pkg.payload, report?.evidence ?? []), [pkg.payload, report]);
  const earlier = useMemo(() => earlierComments(pkg.statements), [pkg.statements]);
  const editable =
    pkg.verdict !== 'invalid' &&
    decision.phase !== 'done' &&
    decision.phase !== 'running' &&
    signer?.role === 'supervisor';
  return (
    <div className="view review" data-testid="review-package">
      <div className="view-head">
        <h1>{t('nav.review')}</h1>
        <button type="button" className="button-secondary" onClick={() => void close()}>
          {t('review.close')}
        </button>
      </div>
      <VerdictBanner pkg={pkg} />
      <div className="detail-grid">
        <div>
          <ChecksList checks={pkg.checks} />
          {report ? (
            <ReportSummary report={report} />
          ) : (
            pkg.verdict !== 'invalid' && <p className="banner banner-warn">{t('review.noReport')}</p>
          )}
          <section className="review-evidence" data-testid="review-evidence">
            <h2>{t('review.evidence', { count: items.length })}</h2>
            {pkg.verdict === 'invalid' && <p className="muted">{t('review.evidenceHiddenInvalid')}</p>}
            {pkg.verdict !== 'invalid' && items.length === 0 && <p className="muted">{t('review.noEvidence')}</p>}
            {items.map((item) => (
              <EvidenceItem
                key={item.file}
                imageUrl={packageImageUrl(pkg.reviewId, item.file)}
                item={item}
                earlier={earlier.get(item.file) ?? []}
                mark={marks[item.file] ?? NO_MARK}
                editable={editable}
                onMark={(patch) => mark(item.file, patch)}
              />
            ))}
          </section>
        </div>
        <div className="review-side">
          <DecisionPanel key={pkg.reviewId} />
          <StatementsList statements={pkg.statements} timestamps={pkg.timestamps} />
          <TimestampRequests pkg={pkg} />
        </div>
      </div>
    </div>
  );
}

/** The Review area: a supervisor opens a package, reads the verdict and the evidence, and signs a decision. */
export function ReviewView() {
  const t = useT();
  const pkg = useReviewStore((s) => s.pkg);
  const loadSigner = useReviewStore((s) => s.loadSigner);
  const policyUnit = useVaultStore((s) => s.status?.unitName ?? null);
  useEffect(() => {
    void loadSigner(policyUnit);
  }, [loadSigner, policyUnit]);
  if (pkg) return <PackageView pkg={pkg} />;
  return (
    <div className="view narrow" data-testid="review">
      <h1>{t('nav.review')}</h1>
      <p className="muted">{t('review.intro')}</p>
      <OpenPackage />
    </div>
  );
}
