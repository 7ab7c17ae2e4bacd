import { useI18n, useT } from '../i18n';
import { formatDateTime } from '../i18n/format';

interface Props {
  excluded: { at: string; by: string; reason: string };
  busy: boolean;
  onRestore(): void;
}

/** On an excluded item's page: who excluded it, when and why, and the way back. */
export function ExclusionBanner({ excluded, busy, onRestore }: Props) {
  const t = useT();
  const language = useI18n((s) => s.language);
  return (
    <div className="banner banner-excluded" role="status" data-testid="excluded-banner">
      <div>
        <strong>{t('workflow.excludedBadge')}</strong>{' '}
        {t('workflow.excludedBanner', {
          by: excluded.by,
          at: formatDateTime(excluded.at, language),
          reason: excluded.reason,
        })}
        <div className="small">{t('workflow.excludedHint')}</div>
      </div>
      <button type="button" className="button-secondary" disabled={busy} onClick={onRestore}>
        {t('workflow.restore')}
      </button>
    </div>
  );
}
