import { FilePickButton } from '../../components/FilePickButton';
import { errorText, useT } from '../../i18n';
import { useUnitResponseStore } from './unit-response-store';

/** Where a platform's answer to a notice comes in, so the unit's transparency report counts outcomes. */
export function UnitResponses() {
  const t = useT();
  const { importing, result, error, importResponse } = useUnitResponseStore();
  return (
    <section className="card unit-responses" aria-labelledby="unit-responses-title">
      <h2 id="unit-responses-title">{t('unit.responses.title')}</h2>
      <p className="muted">{t('unit.responses.lead')}</p>
      <FilePickButton
        label={t('unit.responses.pick')}
        accept=".json,application/json"
        busy={importing !== null}
        testId="unit-response-file"
        variant="secondary"
        onFiles={([file]) => void importResponse(file)}
      />
      {importing && (
        <p role="status" className="muted">
          {t('unit.responses.importing', { file: importing })}
        </p>
      )}
      {result && (
        <p role="status" className="banner banner-ok" data-testid="unit-response-outcome">
          {result.outcome === 'imported'
            ? t('unit.responses.imported', {
                responder: result.responder,
                reference: result.reference,
                recorded: result.recorded,
                open: result.open,
                items: result.items,
              })
            : t('unit.responses.already', { responder: result.responder, reference: result.reference })}
        </p>
      )}
      {error && (
        <div className="banner banner-error" role="alert" data-testid="unit-response-error">
          <strong>{t('unit.responses.failed')}</strong> {errorText(t, error)}
        </div>
      )}
    </section>
  );
}
