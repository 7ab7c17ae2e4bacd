import { type FormEvent, useState } from 'react';
import { missingIdentityFields } from '../../../electron/common/identity-rules';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PassphraseField } from '../../components/PassphraseField';
import { useT } from '../../i18n';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { EMPTY_IDENTITY, IdentityFields } from './IdentityFields';
import { StrengthMeter, strongEnough } from './StrengthMeter';
import { useVaultStore } from './vault-store';

/**
 * A new vault: the passphrase, and who works in it. The identity is asked before the vault exists
 * (not after the recovery code) so that from its first audit entry the vault names a person; only
 * a policy for IT test vaults lets it be left out.
 */
export function CreateVault() {
  const t = useT();
  const { create, busy, error, status } = useVaultStore();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [identity, setIdentity] = useState(EMPTY_IDENTITY);
  const [anonymous, setAnonymous] = useState(false);
  const minimum = status?.minPassphraseStrength ?? 3;
  const policyUnit = status?.unitName ?? null;
  const mismatch = second.length > 0 && first !== second;
  const identityMissing = !anonymous && missingIdentityFields(identity, policyUnit).length > 0;
  const ready = strongEnough(first, minimum) && first === second && !identityMissing && !busy;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (ready) void create(first, anonymous ? undefined : identity);
  }

  return (
    <main className="gate">
      <form className="card gate-card" onSubmit={submit}>
        <div className="gate-head">
          <h1>{t('create.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('create.intro')}</p>
        <PassphraseField
          label={t('create.passphrase')}
          value={first}
          onChange={setFirst}
          autoFocus
          autoComplete="new-password"
          name="passphrase"
        />
        <StrengthMeter passphrase={first} minimum={minimum} />
        <PassphraseField
          label={t('create.repeat')}
          value={second}
          onChange={setSecond}
          autoComplete="new-password"
          name="repeat"
        />
        {mismatch && <div className="field-error">{t('create.mismatch')}</div>}
        <fieldset className="field identity-fieldset" data-testid="create-identity">
          <legend>{t('identity.create.legend')}</legend>
          <p className="muted small">{t('identity.create.hint')}</p>
          {status?.allowAnonymousVault && (
            <label className="checkbox-line">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />{' '}
              {t('identity.create.anonymous')}
            </label>
          )}
          <IdentityFields value={identity} onChange={setIdentity} policyUnit={policyUnit} disabled={anonymous} />
          {identityMissing && first.length > 0 && <p className="muted small">{t('identity.create.missing')}</p>}
        </fieldset>
        <ErrorBanner error={error} />
        <button type="submit" className="button-primary" disabled={!ready}>
          {busy ? t('create.creating') : t('create.submit')}
        </button>
        <p className="muted small">{t('create.where', { dir: status?.vaultDir ?? '' })}</p>
      </form>
    </main>
  );
}
