import { useEffect } from 'react';
import { useNavStore } from '../../app/nav-store';
import { useI18n, useT } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { CountsTable } from './CountsTable';
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
  const weeks = recent.weeks.map((w) => ({ ...w, name: t('transparency.weekName', { week: w.week, start: w.start }) }));
  return (
    <ChartFigure
      title={t('transparency.dashboard.title')}
      testId="tr-card"
      chart={<WeekOutcomeChart weeks={recent.weeks} language={language} />}
      table={
        <CountsTable
          rows={[...weeks, { ...recent.total, name: t('transparency.total') }]}
          caption={t('transparency.dashboard.title')}
          first={t('transparency.col.week')}
          language={language}
        />
      }
      footer={
        <button type="button" className="button-secondary" onClick={() => go('transparency')}>
          {t('transparency.dashboard.open')}
        </button>
      }
    />
  );
}
