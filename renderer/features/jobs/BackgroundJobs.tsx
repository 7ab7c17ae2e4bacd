import { useEffect } from 'react';
import { useI18n, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useJobsStore } from './jobs-store';

/** A small line in the top bar while the background queue has work: how much is left, and pause or resume. */
export function BackgroundJobs() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { status, busy, watch, pause, resume } = useJobsStore();
  useEffect(() => watch(), [watch]);
  if (!status || (status.pending === 0 && !status.paused)) return null;
  const left = formatNumber(status.pending, language);
  return (
    <div className="background-jobs" role="status" data-testid="background-jobs">
      {status.paused ? (
        <span className="muted small">{t('jobs.paused', { count: left })}</span>
      ) : (
        <span className="small">{t('jobs.working', { count: left })}</span>
      )}
      <button
        type="button"
        className="button-ghost small"
        disabled={busy}
        onClick={() => void (status.paused ? resume() : pause())}
      >
        {status.paused ? t('jobs.resume') : t('jobs.pause')}
      </button>
    </div>
  );
}
