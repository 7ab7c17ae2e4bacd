import { useEffect } from 'react';
import { useNavStore } from '../../app/nav-store';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { categoryLabel, platformLabel, statusLabel } from '../../components/labels';
import { textOr, useI18n, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useChannelDetailStore } from '../channels/channel-detail-store';
import { type ChannelFilter, useChannelsStore } from '../channels/channels-store';
import { useChannelImportStore } from '../channels/import-store';
import { useEvidenceStore } from '../evidence/evidence-store';
import { BackupReminder } from '../backup/BackupReminder';
import { BreakdownList } from './BreakdownList';
import { TransparencyCard } from '../transparency/TransparencyCard';
import { WeekChart } from './WeekChart';
import { useDashboardStore } from './dashboard-store';

function showChannels(filter: ChannelFilter) {
  useChannelDetailStore.getState().close();
  useChannelsStore.getState().replaceFilter(filter);
  useNavStore.getState().go('channels');
}

export function DashboardView() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { stats, loading, error, load } = useDashboardStore();
  const go = useNavStore((s) => s.go);
  useEffect(() => {
    void load();
  }, [load]);

  if (!stats) {
    return (
      <div className="view">
        <h1>{t('nav.dashboard')}</h1>
        {loading ? <LoadingState /> : <ErrorBanner error={error} />}
      </div>
    );
  }
  if (stats.channels === 0 && stats.evidence === 0 && stats.openCases === 0) {
    return (
      <div className="view">
        <h1>{t('nav.dashboard')}</h1>
        <div className="empty" data-testid="dashboard-empty">
          <h2>{t('dashboard.emptyTitle')}</h2>
          <p className="muted">{t('dashboard.emptyBody')}</p>
          <div className="empty-actions">
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                go('channels');
                useChannelImportStore.getState().show();
              }}
            >
              {t('channels.add')}
            </button>
            <button type="button" className="button-secondary" onClick={() => go('evidence')}>
              {t('dashboard.takeEvidence')}
            </button>
          </div>
        </div>
      </div>
    );
  }
  const statusCount = (key: string) => stats.byStatus.find((s) => s.key === key)?.count ?? 0;
  const tiles = [
    { label: t('dashboard.channels'), value: stats.channels, onClick: () => showChannels({}) },
    { label: t('dashboard.evidence'), value: stats.evidence, onClick: () => go('evidence') },
    {
      label: statusLabel(t, 'active'),
      value: statusCount('active'),
      onClick: () => showChannels({ status: 'active' }),
    },
    {
      label: statusLabel(t, 'reported'),
      value: statusCount('reported'),
      onClick: () => showChannels({ status: 'reported' }),
    },
    { label: t('dashboard.openCases'), value: stats.openCases, onClick: () => go('cases') },
    {
      label: t('dashboard.overdueCases'),
      value: stats.overdueCases,
      onClick: () => go('cases'),
      warn: stats.overdueCases > 0,
    },
    {
      label: t('outcomes.dashboard.overdueItems'),
      value: stats.overdueItems,
      onClick: () => go('cases'),
      warn: stats.overdueItems > 0,
    },
    {
      label: t('dashboard.hashListItems'),
      value: stats.hashListItems,
      onClick: () => {
        useEvidenceStore.getState().setFilter({ onHashList: true });
        go('evidence');
      },
      warn: stats.hashListItems > 0,
    },
  ];
  return (
    <div className="view" data-testid="dashboard">
      <h1>{t('nav.dashboard')}</h1>
      <ErrorBanner error={error} />
      <BackupReminder />
      <div className="stat-tiles">
        {tiles.map((tile) => (
          <button
            key={tile.label}
            type="button"
            className={'warn' in tile && tile.warn ? 'stat-tile stat-warn' : 'stat-tile'}
            onClick={tile.onClick}
          >
            <span className="stat-value">{formatNumber(tile.value, language)}</span>
            <span className="stat-label">{tile.label}</span>
          </button>
        ))}
      </div>
      <section className="card">
        <h2>{t('dashboard.perWeek')}</h2>
        <WeekChart weeks={stats.perWeek} language={language} />
      </section>
      <TransparencyCard />
      <div className="breakdowns">
        <BreakdownList
          title={t('dashboard.byStatus')}
          rows={stats.byStatus}
          label={(k) => statusLabel(t, k)}
          language={language}
          onPick={(status) => showChannels({ status })}
        />
        <BreakdownList
          title={t('dashboard.byCategory')}
          rows={stats.byCategory}
          label={(k) => categoryLabel(t, k)}
          language={language}
          onPick={(category) => showChannels({ category })}
        />
        <BreakdownList
          title={t('dashboard.byPlatform')}
          rows={stats.byPlatform}
          label={(k) => platformLabel(t, k)}
          language={language}
          onPick={(platform) => showChannels({ platform })}
        />
        {stats.casesByStatus.length > 0 && (
          <BreakdownList
            title={t('dashboard.casesByStatus')}
            rows={stats.casesByStatus}
            label={(k) => textOr(t, `cases.status.${k}`, k)}
            language={language}
            onPick={() => go('cases')}
            testId="cases-by-status"
          />
        )}
      </div>
    </div>
  );
}
