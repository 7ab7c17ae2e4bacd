import { useEffect } from 'react';
import { useNavStore } from '../../app/nav-store';
import { useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { useBackupStore } from './backup-store';

/** On the dashboard: when the last good backup was made, and a reminder when the policy says it is due. */
export function BackupReminder() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { status, load } = useBackupStore();
  const go = useNavStore((s) => s.go);
  useEffect(() => {
    void load();
  }, [load]);
  if (!status) return null;
  const text = status.last
    ? t('backup.lastDashboard', { when: formatDateTime(status.last.at, language) })
    : t('backup.never');
  return (
    <div className={status.overdue ? 'banner banner-warn' : 'muted small'} role="status" data-testid="backup-reminder">
      {text}
      {status.overdue && <> {t('backup.overdue', { days: status.reminderDays ?? 0 })} </>}
      {status.overdue && (
        <button type="button" className="button-secondary small" onClick={() => go('settings')}>
          {t('backup.start')}
        </button>
      )}
    </div>
  );
}
