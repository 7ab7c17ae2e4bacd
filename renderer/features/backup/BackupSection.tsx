import { useEffect } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatBytes } from '../../components/labels';
import { type MessageKey, useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { progressFraction } from '../cases/case-helpers';
import { useBackupStore } from './backup-store';

function BackupProgress() {
  const t = useT();
  const { done, total, step, cancel } = useBackupStore();
  const fraction = progressFraction(done, total);
  const stepText = step ? t(`backup.step.${step}` as MessageKey) : t('backup.step.snapshot');
  return (
    <div className="export-progress" data-testid="backup-progress">
      {fraction === null ? (
        <progress className="progress" aria-label={stepText} />
      ) : (
        <progress className="progress" max={1} value={fraction} aria-label={stepText} />
      )}
      <div className="field-row export-progress-text">
        <span className="muted small">{stepText}</span>
        <button type="button" className="button-secondary small" onClick={() => void cancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Settings → Backup: the last good backup, and a new one written while the vault stays open. */
export function BackupSection() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { status, phase, result, error, load, start } = useBackupStore();
  useEffect(() => {
    void load();
  }, [load]);
  if (!status) return null;
  const running = phase === 'running';
  return (
    <section className="card" data-testid="backup-card">
      <h2>{t('backup.title')}</h2>
      <p className="muted small">{t('backup.intro')}</p>
      <dl className="facts">
        <dt>{t('backup.last')}</dt>
        <dd data-testid="backup-last">
          {status.last
            ? t('backup.lastValue', {
                when: formatDateTime(status.last.at, language),
                size: formatBytes(status.last.bytes, language),
              })
            : t('backup.never')}
        </dd>
        <dt>{t('backup.folder')}</dt>
        <dd className="mono">
          {status.folder} {status.folderFixed && <span className="badge">{t('settings.locked')}</span>}
        </dd>
      </dl>
      {!status.folderFixed && <p className="muted small">{t('backup.sameDiskHint')}</p>}
      {status.overdue && (
        <div className="banner banner-warn" role="status">
          {t('backup.overdue', { days: status.reminderDays ?? 0 })}
        </div>
      )}
      <button
        type="button"
        className="button-primary"
        disabled={running}
        onClick={() => void start()}
        data-testid="backup-start"
      >
        {running ? t('backup.running') : t('backup.start')}
      </button>
      {running && <BackupProgress />}
      {phase === 'done' && result && (
        <div className="banner banner-ok" role="status" data-testid="backup-result">
          <strong>{t('backup.done', { blobs: result.blobs })}</strong>
          <div className="fact-with-action">
            <span className="mono" data-testid="backup-path">
              {result.path}
            </span>
            <CopyButton text={result.path} />
          </div>
        </div>
      )}
      {phase === 'cancelled' && <p className="muted small">{t('backup.cancelled')}</p>}
      {phase === 'failed' && <ErrorBanner error={error} />}
    </section>
  );
}
