import { useT } from '../i18n';

export function LoadingState() {
  const t = useT();
  return (
    <p className="loading muted" role="status" aria-busy="true">
      {t('common.loading')}
    </p>
  );
}
