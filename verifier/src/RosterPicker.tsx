import { errorText, useT } from '../../renderer/i18n';
import { useVerifier } from './verifier-store';

/** The trust roster, optional: given before or after the verdict (then the package is judged again). */
export function RosterPicker() {
  const t = useT();
  const { roster, rosterError, loadRoster, clearRoster } = useVerifier();
  return (
    <div className="page-roster" data-testid="roster">
      <div className="field-row">
        <strong>{t('verifier.roster')}</strong>
        <label className="button-secondary small file-button">
          {t('verifier.rosterPick')}
          <input
            type="file"
            accept=".json,application/json"
            className="sr-only"
            data-testid="verifier-roster"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void loadRoster(file);
            }}
          />
        </label>
        {roster && (
          <>
            <span className="mono small" data-testid="roster-loaded">
              {t('verifier.rosterLoaded', { file: roster.file, count: roster.entries.length })}
              {roster.tsaRoots.length > 0 && ` · ${t('verifier.rosterTsaRoots', { count: roster.tsaRoots.length })}`}
            </span>
            <button type="button" className="button-link small" onClick={clearRoster}>
              {t('verifier.rosterClear')}
            </button>
          </>
        )}
      </div>
      <p className="muted small">{t('verifier.rosterHint')}</p>
      {rosterError && (
        <p className="banner banner-error" role="alert" data-testid="roster-error">
          <strong>{t('verifier.rosterFailed')}</strong> {errorText(t, rosterError)}
        </p>
      )}
    </div>
  );
}
