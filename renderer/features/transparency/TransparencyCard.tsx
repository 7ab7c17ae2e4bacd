import { useEffect } from 'react';
import { useNavStore } from '../../app/nav-store';
import { useI18n, useT } from '../../i18n';
import { OUTCOME_SERIES } from './transparency-helpers';
import { WeekOutcomeChart } from './WeekOutcomeChart';
import { useTransparencyStore } from './transparency-store';
import './transparency.css';

/** On the dashboard: what became of the items reported in the last 12 weeks, and the way to the full report. */
export function TransparencyCard() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { recent, loadRecent } = useTransparencyStore();
  const go = useNavStore((s) => s.go);
  useEffect(() => {
    void loadRecent();
  }, [loadRecent]);
  if (!recent || recent.total.reported === 0) return null;
  return (
    <section className="card" data-testid="tr-card">
      <h2>{t('transparency.dashboard.title')}</h2>
      <WeekOutcomeChart weeks={recent.weeks} language={language} />
      <ul className="tr-legend">
        {OUTCOME_SERIES.map((s) => (
          <li key={s}>
            <span className={`tr-swatch tr-${s}`} aria-hidden="true" />
            {t(`transparency.${s}`)}: {recent.total[s]}
          </li>
        ))}
      </ul>
      <button type="button" className="button-secondary" onClick={() => go('transparency')}>
        {t('transparency.dashboard.open')}
      </button>
    </section>
  );
}
