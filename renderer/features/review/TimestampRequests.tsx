import { errorText, useT } from '../../i18n';
import type { OpenedPackage } from './review-store';
import { useTimestampStore } from './timestamp-store';

/** Trusted time, offline first: the requests (hashes only) go to the unit's TSA from a connected machine. */
export function TimestampRequests({ pkg }: { pkg: OpenedPackage }) {
  const t = useT();
  const { phase, reviewId, count, folder, error, save } = useTimestampStore();
  if (pkg.verdict === 'invalid') return null;
  const mine = reviewId === pkg.reviewId;
  return (
    <section className="card" data-testid="timestamp-requests">
      <h2>{t('review.tsq.title')}</h2>
      <p className="muted small">{t('review.tsq.intro')}</p>
      <button
        type="button"
        className="button-secondary"
        disabled={phase === 'saving'}
        onClick={() => void save(pkg.reviewId)}
      >
        {phase === 'saving' && mine ? t('review.tsq.saving') : t('review.tsq.save')}
      </button>
      {mine && phase === 'saved' && (
        <p className="small" role="status" data-testid="timestamp-saved">
          {folder ? t('review.tsq.saved', { count, folder }) : t('review.tsq.downloaded', { count })}
        </p>
      )}
      {mine && phase === 'failed' && error && (
        <div className="banner banner-error" role="alert">
          <strong>{t('review.tsq.failed')}</strong> {errorText(t, error)}
        </div>
      )}
    </section>
  );
}
