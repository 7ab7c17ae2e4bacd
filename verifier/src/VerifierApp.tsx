import { type Language, useI18n, useT } from '../../renderer/i18n';
import { CopyTextContext } from '../../renderer/components/copy-text';
import { OpenInput } from './OpenInput';
import { ResultView } from './ResultView';
import { RosterPicker } from './RosterPicker';
import { useVerifier } from './verifier-store';

const LANGUAGES: Array<{ code: Language; label: string }> = [
  { code: 'id', label: 'Bahasa Indonesia' },
  { code: 'en', label: 'English' },
];

/** Copying a hash here uses the browser's own clipboard; there is no app to clear it afterwards. */
const copyText = (text: string) => navigator.clipboard.writeText(text).catch(() => undefined);

function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useI18n();
  return (
    <label className="field-row page-language">
      <span className="small">{t('verifier.language')}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language">
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The one page: what to check, then the verdict and what the package holds. */
export function VerifierApp() {
  const t = useT();
  const { phase, name, result, input, reset } = useVerifier();
  return (
    <CopyTextContext.Provider value={copyText}>
      <header className="page-head">
        <strong className="page-brand">Jejak</strong>
        <span className="page-head-title">{t('verifier.title')}</span>
        <LanguageSwitch />
      </header>
      <main className="page-main">
        {phase === 'done' && result && input ? (
          <>
            <div className="view-head">
              <h1>{t('verifier.title')}</h1>
              <button type="button" className="button-secondary" onClick={reset} data-testid="another">
                {t('verifier.another')}
              </button>
            </div>
            <ResultView name={name} result={result} input={input} roster={<RosterPicker />} />
          </>
        ) : (
          <div className="narrow">
            <h1>{t('verifier.title')}</h1>
            <p className="muted">{t('verifier.intro')}</p>
            <OpenInput />
          </div>
        )}
      </main>
    </CopyTextContext.Provider>
  );
}
