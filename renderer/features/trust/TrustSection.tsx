import { useEffect } from 'react';
import { FilePickButton } from '../../components/FilePickButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { errorText, useT } from '../../i18n';
import { groupFingerprint } from '../identity/fingerprint';
import { useTrustStore } from './trust-store';
import { MAX_ROSTER_CHARS } from '../../../electron/common/limits';

/** Settings → Trust roster: whose signatures count as trusted when a package is verified. */
export function TrustSection() {
  const t = useT();
  const { roster, rosterError, importing, imported, importError, loadRoster, importRoster, refuseTooLarge } =
    useTrustStore();
  useEffect(() => {
    void loadRoster();
  }, [loadRoster]);

  async function onPicked(file: File) {
    if (file.size > MAX_ROSTER_CHARS) {
      refuseTooLarge(file.name);
      return;
    }
    await importRoster(file.name, await file.text());
  }

  return (
    <section className="card" data-testid="trust-card">
      <div className="card-head">
        <h2>{t('trust.title')}</h2>
        <FilePickButton
          label={importing ? t('trust.importing') : t('trust.import')}
          accept=".json,application/json"
          busy={importing}
          testId="trust-file"
          variant="secondary"
          onFiles={([file]) => void onPicked(file)}
        />
      </div>
      <p className="muted">{t('trust.intro')}</p>
      {imported && (
        <div className="banner banner-ok" role="status">
          {t('trust.imported', { file: imported.fileName, added: imported.added, total: imported.total })}
        </div>
      )}
      {importError && (
        <div className="banner banner-error" role="alert" data-testid="trust-error">
          <strong>{t('trust.importFailed', { file: importError.fileName })}</strong>
          <div>{errorText(t, importError.error)}</div>
          <div className="muted small">{t('trust.formatHint')}</div>
        </div>
      )}
      <ErrorBanner error={rosterError} />
      {roster === null && !rosterError && <LoadingState />}
      {roster?.length === 0 && <p className="muted">{t('trust.empty')}</p>}
      {roster && roster.length > 0 && (
        <table className="table table-compact trust-table" data-testid="trust-table">
          <thead>
            <tr>
              <th>{t('trust.name')}</th>
              <th>{t('trust.role')}</th>
              <th>{t('trust.fingerprint')}</th>
              <th>{t('trust.source')}</th>
            </tr>
          </thead>
          <tbody>
            {roster.map((e) => (
              <tr key={`${e.fingerprint}-${e.role}`}>
                <td>
                  <div>{e.name}</div>
                  <div className="muted small">{e.unit}</div>
                </td>
                <td>{e.role === 'supervisor' ? t('identity.role.supervisor') : t('identity.role.analyst')}</td>
                <td className="mono small fingerprint-cell">
                  {groupFingerprint(e.fingerprint)}
                  {e.ageRecipient && (
                    <div className="muted" title={e.ageRecipient}>
                      {t('trust.ageKey')}: {e.ageRecipient.slice(0, 12)}…{e.ageRecipient.slice(-6)}
                    </div>
                  )}
                </td>
                <td>
                  {e.source === 'policy' ? (
                    <span className="badge" title={t('trust.policyHint')}>
                      {t('trust.fromPolicy')}
                    </span>
                  ) : (
                    <span className="muted small">{t('trust.fromVault')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
