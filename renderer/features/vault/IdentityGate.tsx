import { type FormEvent, useState } from 'react';
import { missingIdentityFields } from '../../../electron/common/identity-rules';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n';
import { EMPTY_IDENTITY, IdentityFields } from './IdentityFields';
import { useVaultStore } from './vault-store';

/** A vault made before identities were asked for: who works in it, before anything else is done. */
export function IdentityGate() {
  const t = useT();
  const { saveIdentity, busy, error, status } = useVaultStore();
  const [identity, setIdentity] = useState(EMPTY_IDENTITY);
  const policyUnit = status?.unitName ?? null;
  const ready = missingIdentityFields(identity, policyUnit).length === 0 && !busy;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (ready) void saveIdentity(identity);
  }

  return (
    <main className="gate">
      <form className="card gate-card" onSubmit={submit} data-testid="identity-gate">
        <h1>{t('identity.gate.title')}</h1>
        <p className="muted">{t('identity.gate.intro')}</p>
        <IdentityFields value={identity} onChange={setIdentity} policyUnit={policyUnit} />
        <ErrorBanner error={error} />
        <button type="submit" className="button-primary" disabled={!ready}>
          {t('identity.gate.save')}
        </button>
      </form>
    </main>
  );
}
