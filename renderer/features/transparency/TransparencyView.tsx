import { type FormEvent, useEffect } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { platformLabel } from '../../components/labels';
import { textOr, useI18n, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useDuration } from '../outcomes/use-duration';
import { BreakdownChart } from './BreakdownChart';
import { ChartFigure } from './ChartFigure';
import { CountsTable } from './CountsTable';
import { ExportCard } from './ExportCard';
import { TimeToActionChart } from './TimeToActionChart';
import { WeekOutcomeChart } from './WeekOutcomeChart';
import { useTransparencyStore } from './transparency-store';
import './transparency.css';

/** Published counts for a period: totals, charts (each with its table), and the CSV and PDF exports. */
export function TransparencyView() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const duration = useDuration();
  const { from, to, report, loading, error, setPeriod, load } = useTransparencyStore();
  useEffect(() => {
    void load();
  }, [load]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load();
  };
  const time = (s: number | null) => (s === null ? t('transparency.none') : duration(s));
  const weeks = report?.weeks.map((w) => ({
    ...w,
    name: t('transparency.weekName', { week: w.week, start: w.start }),
  }));
  const platforms = report?.platforms.map((p) => ({ ...p, name: platformLabel(t, p.platform) }));
  const categories = report?.categories.map((c) => ({
    ...c,
    name: textOr(t, `transparency.category.${c.category}`, c.category),
  }));
  return (
    <div className="view" data-testid="transparency">
      <h1>{t('transparency.title')}</h1>
      <p className="muted">{t('transparency.intro')}</p>
      <form className="tr-period" onSubmit={submit}>
        <label>
          {t('transparency.from')}
          <input type="date" value={from} required onChange={(e) => setPeriod(e.target.value, to)} />
        </label>
        <label>
          {t('transparency.to')}
          <input type="date" value={to} required onChange={(e) => setPeriod(from, e.target.value)} />
        </label>
        <button type="submit" className="button-primary" disabled={loading}>
          {t('transparency.show')}
        </button>
      </form>
      <ErrorBanner error={error} />
      {!report || !weeks || !platforms || !categories ? (
        loading && <LoadingState />
      ) : (
        <>
          <div className="stat-tiles tr-totals" data-testid="tr-totals">
            {(
              [
                ['reported', formatNumber(report.total.reported, language)],
                ['actioned', formatNumber(report.total.actioned, language)],
                ['notActioned', formatNumber(report.total.notActioned, language)],
                ['alreadyGone', formatNumber(report.total.alreadyGone, language)],
                ['pending', formatNumber(report.total.pending, language)],
                ['median', time(report.total.medianSecondsToAction)],
                ['p90', time(report.total.p90SecondsToAction)],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="stat-tile" data-testid={`tr-total-${key}`}>
                <span className="stat-value">{value}</span>
                <span className="stat-label">{t(`transparency.${key}`)}</span>
              </div>
            ))}
          </div>
          {report.total.reported === 0 && <p data-testid="tr-empty">{t('transparency.empty')}</p>}
          <ChartFigure
            title={t('transparency.perWeek')}
            testId="tr-weeks"
            chart={<WeekOutcomeChart weeks={report.weeks} language={language} />}
            table={
              <CountsTable
                rows={weeks}
                caption={t('transparency.perWeek')}
                first={t('transparency.col.week')}
                language={language}
                testId="tr-weeks-table"
              />
            }
          />
          <ChartFigure
            title={t('transparency.timePerWeek')}
            legend="times"
            chart={<TimeToActionChart weeks={report.weeks} language={language} />}
            table={
              <CountsTable
                rows={weeks}
                caption={t('transparency.timePerWeek')}
                first={t('transparency.col.week')}
                language={language}
              />
            }
          />
          {report.total.reported > 0 && (
            <>
              <ChartFigure
                title={t('transparency.perPlatform')}
                testId="tr-platforms"
                chart={<BreakdownChart rows={platforms} what={t('transparency.col.platform')} language={language} />}
                table={
                  <CountsTable
                    rows={platforms}
                    caption={t('transparency.perPlatform')}
                    first={t('transparency.col.platform')}
                    language={language}
                  />
                }
              />
              <ChartFigure
                title={t('transparency.perCategory')}
                testId="tr-categories"
                chart={<BreakdownChart rows={categories} what={t('transparency.col.category')} language={language} />}
                table={
                  <CountsTable
                    rows={categories}
                    caption={t('transparency.perCategory')}
                    first={t('transparency.col.category')}
                    language={language}
                  />
                }
              />
            </>
          )}
          <ExportCard />
          <p className="tr-method" data-testid="tr-method">
            {t('transparency.method')}
          </p>
        </>
      )}
    </div>
  );
}
