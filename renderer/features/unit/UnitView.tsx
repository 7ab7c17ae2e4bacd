import { useEffect } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { categoryLabel, platformLabel, statusLabel } from '../../components/labels';
import { useI18n, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { BreakdownList } from '../dashboard/BreakdownList';
import { UnitDrop } from './UnitDrop';
import { UnitResponses } from './UnitResponses';
import { AnalystTable, PackageTable, SharedChannels, VaultHeads } from './UnitTables';
import { useUnitStore } from './unit-store';
import './unit.css';

/** The Unit area of a unit catalog vault: packages come in, the merged catalog's counts go out. */
export function UnitView() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { overview, loading, error, load } = useUnitStore();
  useEffect(() => {
    void load();
  }, [load]);
  const tiles = overview
    ? [
        { label: t('unit.tiles.packages'), value: overview.packages },
        { label: t('unit.tiles.flagged'), value: overview.flaggedPackages, warn: overview.flaggedPackages > 0 },
        { label: t('unit.tiles.channels'), value: overview.catalog.channels },
        { label: t('unit.tiles.evidence'), value: overview.catalog.evidence },
        { label: t('unit.tiles.overdue'), value: overview.overdueItems, warn: overview.overdueItems > 0 },
      ]
    : [];
  return (
    <div className="view unit-view" data-testid="unit">
      <h1>{t('unit.title')}</h1>
      <p className="muted">{t('unit.lead')}</p>
      <UnitDrop />
      <ErrorBanner error={error} />
      {!overview && loading && <LoadingState />}
      {overview && (
        <>
          <div className="stat-tiles" data-testid="unit-tiles">
            {tiles.map((tile) => (
              <div key={tile.label} className={tile.warn ? 'stat-tile stat-warn' : 'stat-tile'}>
                <span className="stat-value">{formatNumber(tile.value, language)}</span>
                <span className="stat-label">{tile.label}</span>
              </div>
            ))}
          </div>
          {overview.overdueItems > 0 && <p className="muted small">{t('unit.overdueHint')}</p>}
          {overview.packages === 0 ? (
            <p className="muted" data-testid="unit-empty">
              {t('unit.empty')}
            </p>
          ) : (
            <>
              <AnalystTable rows={overview.analysts} />
              <div className="breakdowns">
                <BreakdownList
                  title={t('dashboard.byPlatform')}
                  rows={overview.catalog.byPlatform}
                  label={(k) => platformLabel(t, k)}
                  language={language}
                />
                <BreakdownList
                  title={t('dashboard.byCategory')}
                  rows={overview.catalog.byCategory}
                  label={(k) => categoryLabel(t, k)}
                  language={language}
                />
                <BreakdownList
                  title={t('dashboard.byStatus')}
                  rows={overview.catalog.byStatus}
                  label={(k) => statusLabel(t, k)}
                  language={language}
                />
              </div>
              {overview.shared.length > 0 && <SharedChannels rows={overview.shared} />}
              <UnitResponses />
              <PackageTable rows={overview.recent} />
              <VaultHeads rows={overview.vaults} />
            </>
          )}
        </>
      )}
    </div>
  );
}
