import { type FormEvent, useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PassphraseField } from '../../components/PassphraseField';
import { useT } from '../../i18n';
import { StrengthMeter, strongEnough } from './StrengthMeter';
import { useVaultStore } from './vault-store';

export function CreateVault() {
  const t = useT();
  const { create, busy, error, status } = useVaultStore();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const minimum = status?.minPassphraseStrength ?? 3;
  const mismatch = second.length > 0 && first !== second;
  const ready = strongEnough(first, minimum) && first === second && !busy;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (ready) void create(first);
  }

  return (
    <main className="gate">
      <form className="card gate-card" onSubmit={submit}>
        <h1>{t('create.title')}</h1>
        <p className="muted">{t('create.intro')}</p>
        <PassphraseField label={t('create.passphrase')} value={first} onChange={setFirst} autoFocus autoComplete="new-password" name="passphrase" />
        <StrengthMeter passphrase={first} minimum={minimum} />
        <PassphraseField label={t('create.repeat')} value={second} onChange={setSecond} autoComplete="new-password" name="repeat" />
        {mismatch && <div className="field-error">{t('create.mismatch')}</div>}
        <ErrorBanner error={error} />
        <button type="submit" className="button-primary" disabled={!ready}>
          {busy ? t('create.creating') : t('create.submit')}
        </button>
        <p className="muted small">{t('create.where', { dir: status?.vaultDir ?? '' })}</p>
      </form>
    </main>
  );
}
