import type { ReactNode } from 'react';
import { useVaultStore } from '../features/vault/vault-store';
import { ActivityView } from '../features/activity/ActivityView';
import { SettingsView } from '../features/settings/SettingsView';
import { LanguageSwitch } from '../features/settings/LanguageSwitch';
import { EmptyState } from '../components/EmptyState';
import { type MessageKey, useT } from '../i18n';
import { AREAS, type Area, useNavStore } from './nav-store';

function AreaView({ area }: { area: Area }): ReactNode {
  switch (area) {
    case 'activity':
      return <ActivityView />;
    case 'settings':
      return <SettingsView />;
    default:
      return <EmptyState title={`nav.${area}` as MessageKey} body={`empty.${area}` as MessageKey} />;
  }
}

export function Shell() {
  const t = useT();
  const { area, go } = useNavStore();
  const { lock, status } = useVaultStore();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>Jejak</span>
        </div>
        <ul>
          {AREAS.map((a) => (
            <li key={a}>
              <button type="button" className={a === area ? 'nav-item active' : 'nav-item'} aria-current={a === area ? 'page' : undefined} onClick={() => go(a)}>
                {t(`nav.${a}` as MessageKey)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main">
        <header className="topbar">
          <div className="topbar-unit">{status?.unitName ?? t('app.noUnit')}</div>
          <div className="topbar-actions">
            <LanguageSwitch />
            <button type="button" className="button-secondary" onClick={() => void lock()}>
              {t('app.lock')}
            </button>
          </div>
        </header>
        <section className="content">
          <AreaView area={area} />
        </section>
      </div>
    </div>
  );
}
