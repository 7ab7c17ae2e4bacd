import { type FormEvent, useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PassphraseField } from '../../components/PassphraseField';
import { useT } from '../../i18n';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { StrengthMeter, strongEnough } from './StrengthMeter';
import { useVaultStore } from './vault-store';

export function Unlock() {
  const t = useT();
  const { unlock, busy, error, status, clearError } = useVaultStore();
  const [passphrase, setPassphrase] = useState('');
  const [recovering, setRecovering] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (passphrase && !busy) void unlock(passphrase).then(() => setPassphrase(''));
  }

  if (recovering)
    return (
      <Recover
        onBack={() => {
          clearError();
          setRecovering(false);
        }}
      />
    );
  return (
    <main className="gate">
      <form className="card gate-card" onSubmit={submit}>
        <div className="gate-head">
          <h1>{t('unlock.title')}</h1>
          <LanguageSwitch />
        </div>
        {status?.unitName && <p className="muted">{status.unitName}</p>}
        <PassphraseField
          label={t('unlock.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          autoFocus
          name="passphrase"
        />
        <ErrorBanner error={error} />
        <button type="submit" className="button-primary" disabled={!passphrase || busy}>
          {busy ? t('unlock.unlocking') : t('unlock.submit')}
        </button>
        <button
          type="button"
          className="button-link"
          onClick={() => {
            clearError();
            setRecovering(true);
          }}
        >
          {t('unlock.forgot')}
        </button>
      </form>
    </main>
  );
}

function Recover({ onBack }: { onBack(): void }) {
  const t = useT();
  const { recover, busy, error, status } = useVaultStore();
  const [code, setCode] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const minimum = status?.minPassphraseStrength ?? 3;
  const ready = code.trim().length > 0 && strongEnough(first, minimum) && first === second && !busy;
  return (
    <main className="gate">
      <form
        className="card gate-card"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void recover(code, first);
        }}
      >
        <h1>{t('recover.title')}</h1>
        <p className="muted">{t('recover.intro')}</p>
        <div className="field">
          <label htmlFor="recover-code">{t('recover.code')}</label>
          <input
            id="recover-code"
            className="mono"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
        </div>
        <PassphraseField
          label={t('recover.newPassphrase')}
          value={first}
          onChange={setFirst}
          autoComplete="new-password"
        />
        <StrengthMeter passphrase={first} minimum={minimum} />
        <PassphraseField label={t('create.repeat')} value={second} onChange={setSecond} autoComplete="new-password" />
        {second && first !== second && <div className="field-error">{t('create.mismatch')}</div>}
        <ErrorBanner error={error} />
        <button type="submit" className="button-primary" disabled={!ready}>
          {t('recover.submit')}
        </button>
        <button type="button" className="button-link" onClick={onBack}>
          {t('common.back')}
        </button>
      </form>
    </main>
  );
}
