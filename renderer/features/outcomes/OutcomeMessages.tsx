import { errorText, useT } from '../../i18n';
import { useOutcomesStore } from './outcomes-store';

/** What the last import or observation did, or why it did nothing. */
export function OutcomeMessages({ dialogOpen }: { dialogOpen: boolean }) {
  const t = useT();
  const { importing, imported, importError, observed, observeError } = useOutcomesStore();
  if (importing)
    return (
      <p className="banner" role="status" aria-busy="true">
        {t('outcomes.response.importing')}
      </p>
    );
  if (imported)
    return (
      <p
        className={`banner ${imported.outcome === 'imported' ? 'banner-ok' : 'banner-warn'}`}
        role="status"
        data-testid="response-outcome"
      >
        {imported.outcome === 'imported'
          ? t('outcomes.response.imported', {
              responder: imported.responder,
              recorded: imported.recorded,
              open: imported.open,
            })
          : t('outcomes.response.already')}
      </p>
    );
  if (importError)
    return (
      <div className="banner banner-error" role="alert" data-testid="response-error">
        <strong>{t('outcomes.response.failed')}</strong> {errorText(t, importError)}
      </div>
    );
  if (observed)
    return (
      <p className="banner banner-ok" role="status" data-testid="observe-outcome">
        {observed.bulk ? t('outcomes.observe.bulkDone', { count: observed.count }) : t('outcomes.observe.saved')}
      </p>
    );
  // An error of the dialog is shown in the dialog; the bulk step has none, so it is shown here.
  if (observeError && !dialogOpen)
    return (
      <div className="banner banner-error" role="alert">
        {errorText(t, observeError)}
      </div>
    );
  return null;
}
