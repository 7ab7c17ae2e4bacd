import { type ReactNode, useMemo } from 'react';
import { packageView } from '../../electron/core/review/package-view';
import type { VerifyResult } from '../../electron/core/packages/verify-source';
import { useT } from '../../renderer/i18n';
import { ChecksList } from '../../renderer/features/review/ChecksList';
import { ReportSummary } from '../../renderer/features/review/ReportSummary';
import { earlierComments, evidenceToReview } from '../../renderer/features/review/review-helpers';
import type { OpenedPackage } from '../../renderer/features/review/review-store';
import { StatementsList } from '../../renderer/features/review/StatementsList';
import { VerdictBanner } from '../../renderer/features/review/VerdictBanner';
import { PageEvidence } from './PageEvidence';
import type { PackageInput } from './verify-input';

const EXPLAIN = { invalid: 'verifier.invalidHint', 'valid-untrusted': 'verifier.untrustedHint' } as const;

/**
 * The verdict first, then the checks, the signatures (beside the roster that judges them), the
 * report and, for a valid package only, the evidence.
 */
export function ResultView({
  name,
  result,
  input,
  roster,
}: {
  name: string;
  result: VerifyResult;
  input: PackageInput;
  roster: ReactNode;
}) {
  const t = useT();
  const pkg: OpenedPackage = useMemo(() => ({ reviewId: '', fileName: name, ...packageView(result) }), [name, result]);
  const report = pkg.report;
  const items = useMemo(() => evidenceToReview(pkg.payload, report?.evidence ?? []), [pkg.payload, report]);
  const earlier = useMemo(() => earlierComments(pkg.statements), [pkg.statements]);
  return (
    <div data-testid="result" data-verdict={pkg.verdict}>
      <VerdictBanner pkg={pkg} explain={EXPLAIN} />
      <div className="detail-grid">
        <div>
          <ChecksList checks={pkg.checks} />
          {report && pkg.verdict !== 'invalid' && <ReportSummary report={report} />}
          <section className="review-evidence" data-testid="review-evidence">
            <h2>{t('review.evidence', { count: items.length })}</h2>
            {pkg.verdict === 'invalid' && <p className="muted">{t('review.evidenceHiddenInvalid')}</p>}
            {pkg.verdict !== 'invalid' && items.length === 0 && <p className="muted">{t('review.noEvidence')}</p>}
            {items.map((item) => (
              <PageEvidence key={item.file} input={input} item={item} earlier={earlier.get(item.file) ?? []} />
            ))}
          </section>
        </div>
        <div className="review-side">
          <section className="card">{roster}</section>
          <StatementsList statements={pkg.statements} timestamps={pkg.timestamps} />
        </div>
      </div>
    </div>
  );
}
