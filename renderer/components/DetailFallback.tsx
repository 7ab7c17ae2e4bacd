import { ErrorBanner } from './ErrorBanner';
import { LoadingState } from './LoadingState';
import type { UiError } from './errors';
import { useT } from '../i18n';

/** What a detail page shows before its item arrives: the way back, and loading or the error. */
export function DetailFallback({
  loading,
  error,
  onBack,
}: {
  loading: boolean;
  error: UiError | null;
  onBack(): void;
}) {
  const t = useT();
  return (
    <div className="view">
      <button type="button" className="button-link back-link" onClick={onBack}>
        ← {t('common.back')}
      </button>
      {loading ? <LoadingState /> : <ErrorBanner error={error} />}
    </div>
  );
}
