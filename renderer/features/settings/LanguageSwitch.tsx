import { call } from '../../api';
import { type Language, useI18n } from '../../i18n';

const LANGUAGES: Array<{ code: Language; label: string }> = [
  { code: 'id', label: 'Bahasa Indonesia' },
  { code: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { language, setLanguage } = useI18n();
  return (
    <select
      className="language-switch"
      aria-label="Bahasa / Language"
      value={language}
      onChange={async (e) => {
        const next = e.target.value as Language;
        setLanguage(next);
        await call('settings.setLanguage', { language: next });
      }}
    >
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code}>
          {l.label}
        </option>
      ))}
    </select>
  );
}
