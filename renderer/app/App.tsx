import { useEffect } from 'react';
import { onLockedCall, subscribeEvents } from '../api';
import { CreateVault } from '../features/vault/CreateVault';
import { IdentityGate } from '../features/vault/IdentityGate';
import { RecoveryCodeStep } from '../features/vault/RecoveryCodeStep';
import { Unlock } from '../features/vault/Unlock';
import { useVaultStore } from '../features/vault/vault-store';
import { useT } from '../i18n';
import { Shell } from './Shell';

function FatalScreen({ message }: { message: string }) {
  const t = useT();
  return (
    <main className="gate">
      <div className="card gate-card" role="alert" data-testid="fatal">
        <h1>{t('fatal.title')}</h1>
        <p>{t('fatal.intro')}</p>
        <pre className="fatal-message">{message}</pre>
      </div>
    </main>
  );
}

export function App() {
  const { phase, fatal, load, showLocked } = useVaultStore();
  useEffect(() => {
    void load();
    const offEvents = subscribeEvents((event) => {
      if (event.type === 'locked') showLocked();
    });
    const offLocked = onLockedCall(showLocked);
    return () => {
      offEvents();
      offLocked();
    };
  }, [load, showLocked]);

  switch (phase) {
    case 'loading':
      return <main className="gate" aria-busy="true" />;
    case 'fatal':
      return <FatalScreen message={fatal ?? ''} />;
    case 'absent':
      return <CreateVault />;
    case 'recovery-code':
      return <RecoveryCodeStep />;
    case 'locked':
      return <Unlock />;
    case 'identity':
      return <IdentityGate />;
    case 'unlocked':
      return <Shell />;
  }
}
