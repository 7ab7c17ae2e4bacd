import { useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { type Language, useI18n, useT } from '../../i18n';
import { type ReportFormat, useTransparencyStore } from './transparency-store';

/** The report as a file: CSV (the same in both languages) or a one-page PDF in the language chosen. */
export function ExportCard() {
  const t = useT();
  const uiLanguage = useI18n((s) => s.language);
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const { exporting, saved, exportError, exportAs } = useTransparencyStore();
  const button = (format: ReportFormat) => (
    <button
      type="button"
      className={format === 'pdf' ? 'button-primary' : 'button-secondary'}
      disabled={exporting !== null}
      onClick={() => void exportAs(format, language)}
    >
      {exporting === format ? t('transparency.export.saving') : t(`transparency.export.${format}`)}
    </button>
  );
  return (
    <section className="card" data-testid="tr-export">
      <h2>{t('transparency.export.title')}</h2>
      <div className="tr-export">
        <label>
          {t('transparency.export.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </label>
        {button('csv')}
        {button('pdf')}
      </div>
      {saved && (
        <p className="banner banner-ok" role="status" data-testid="tr-saved">
          {t('transparency.export.saved', { path: saved })}
        </p>
      )}
      <ErrorBanner error={exportError} />
    </section>
  );
}
