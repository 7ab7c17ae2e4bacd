import type { ReactNode } from 'react';
import { useVaultStore } from '../features/vault/vault-store';
import { ActivityView } from '../features/audit/ActivityView';
import { AuditAnchorBanner } from '../features/audit/AuditAnchorBanner';
import { CasesView } from '../features/cases/CasesView';
import { ChannelsView } from '../features/channels/ChannelsView';
import { useChannelDetailStore } from '../features/channels/channel-detail-store';
import { DashboardView } from '../features/dashboard/DashboardView';
import { EvidenceView } from '../features/evidence/EvidenceView';
import { TransparencyView } from '../features/transparency/TransparencyView';
import { ReviewView } from '../features/review/ReviewView';
import { useEvidenceViewerStore } from '../features/evidence/evidence-viewer-store';
import { SearchBox } from '../features/search/SearchBox';
import { SearchView } from '../features/search/SearchView';
import { useSearchStore } from '../features/search/search-store';
import { useCasesStore } from '../features/cases/cases-store';
import { SettingsView } from '../features/settings/SettingsView';
import { UnitView } from '../features/unit/UnitView';
import { LanguageSwitch } from '../features/settings/LanguageSwitch';
import { BackgroundJobs } from '../features/jobs/BackgroundJobs';
import { EmptyState } from '../components/EmptyState';
import { type MessageKey, useT } from '../i18n';
import { type Area, areasFor, useNavStore } from './nav-store';

function AreaView({ area }: { area: Area }): ReactNode {
  switch (area) {
    case 'dashboard':
      return <DashboardView />;
    case 'transparency':
      return <TransparencyView />;
    case 'channels':
      return <ChannelsView />;
    case 'evidence':
      return <EvidenceView />;
    case 'cases':
      return <CasesView />;
    case 'review':
      return <ReviewView />;
    case 'unit':
      return <UnitView />;
    case 'activity':
      return <ActivityView />;
    case 'settings':
      return <SettingsView />;
    default:
      return <EmptyState title={`nav.${area}` as MessageKey} body={`empty.${area}` as MessageKey} />;
  }
}

/** A click on the area already shown leaves its detail page for the list, as a second click on a tab would. */
function navigate(target: Area, current: Area, searchOpen: boolean) {
  useSearchStore.getState().hide();
  if (target === current && !searchOpen) {
    if (target === 'channels') useChannelDetailStore.getState().close();
    if (target === 'evidence') useEvidenceViewerStore.getState().close();
    if (target === 'cases') useCasesStore.getState().close();
  }
  useNavStore.getState().go(target);
}

export function Shell() {
  const t = useT();
  const area = useNavStore((s) => s.area);
  const searchOpen = useSearchStore((s) => s.open);
  const { lock, status } = useVaultStore();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>Jejak</span>
        </div>
        <ul>
          {areasFor(status?.role).map((a) => (
            <li key={a}>
              <button
                type="button"
                className={a === area && !searchOpen ? 'nav-item active' : 'nav-item'}
                aria-current={a === area && !searchOpen ? 'page' : undefined}
                onClick={() => navigate(a, area, searchOpen)}
              >
                {t(`nav.${a}` as MessageKey)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main">
        <header className="topbar">
          <div className="topbar-unit">{status?.unitName ?? t('app.noUnit')}</div>
          <SearchBox />
          <div className="topbar-actions">
            <BackgroundJobs />
            <LanguageSwitch />
            <button type="button" className="button-secondary" onClick={() => void lock()}>
              {t('app.lock')}
            </button>
          </div>
        </header>
        {/* tabIndex: where the keyboard continues when what it was on is gone (a dialog's opener) */}
        <main className="content" tabIndex={-1}>
          <AuditAnchorBanner />
          {searchOpen ? <SearchView /> : <AreaView area={area} />}
        </main>
      </div>
    </div>
  );
}
