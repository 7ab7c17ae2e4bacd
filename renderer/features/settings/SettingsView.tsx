import { type FormEvent, useState } from 'react';
import { ApiError, call } from '../../api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PassphraseField } from '../../components/PassphraseField';
import { BackupSection } from '../backup/BackupSection';
import { IdentitySection } from '../identity/IdentitySection';
import { TrustSection } from '../trust/TrustSection';
import { useT } from '../../i18n';
import { StrengthMeter, strongEnough } from '../vault/StrengthMeter';
import { useVaultStore } from '../vault/vault-store';
import { LanguageSwitch } from './LanguageSwitch';
import { RotateKeysSection } from './RotateKeysSection';

function LockedBadge() {
  const t = useT();
  return (
    <span className="badge" title={t('settings.lockedHint')}>
      {t('settings.locked')}
    </span>
  );
}

export function SettingsView() {
  const t = useT();
  const { status, load } = useVaultStore();
  const [minutes, setMinutes] = useState(status?.autoLockMinutes ?? 10);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!status) return null;
  const policyLockedAutoLock = status.locked.autoLockMinutes;

  async function run(fn: () => Promise<unknown>, message: string) {
    setError(null);
    setSaved(null);
    try {
      await fn();
      setSaved(message);
      await load();
    } catch (e) {
      if (e instanceof ApiError) setError({ code: e.code, message: e.message });
    }
  }

  return (
    <div className="view narrow">
      <h1>{t('nav.settings')}</h1>
      {saved && (
        <div className="banner banner-ok" role="status">
          {saved}
        </div>
      )}
      <ErrorBanner error={error} />
      <IdentitySection />
      <TrustSection />
      <section className="card">
        <h2>{t('settings.language')}</h2>
        <LanguageSwitch />
      </section>
      <section className="card">
        <h2>
          {t('settings.autoLock')} {policyLockedAutoLock && <LockedBadge />}
        </h2>
        <p className="muted">{t('settings.autoLockHint')}</p>
        <div className="field-row">
          <input
            type="number"
            min={1}
            max={240}
            value={minutes}
            disabled={policyLockedAutoLock}
            aria-label={t('settings.autoLock')}
            onChange={(e) => setMinutes(Number(e.target.value))}
          />
          <span>{t('settings.minutes')}</span>
          <button
            type="button"
            className="button-secondary"
            disabled={policyLockedAutoLock || minutes === status.autoLockMinutes}
            onClick={() => void run(() => call('settings.setAutoLock', { minutes }), t('settings.saved'))}
          >
            {t('common.save')}
          </button>
        </div>
      </section>
      <ChangePassphrase minimum={status.minPassphraseStrength} onDone={(m) => setSaved(m)} />
      <BackupSection />
      <RotateKeysSection minimum={status.minPassphraseStrength} />
      <section className="card">
        <h2>{t('settings.about')}</h2>
        <dl className="facts">
          <dt>{t('settings.version')}</dt>
          <dd>{status.version}</dd>
          <dt>{t('settings.vaultFolder')}</dt>
          <dd className="mono">{status.vaultDir}</dd>
          <dt>{t('settings.unit')}</dt>
          <dd>{status.unitName ?? '—'}</dd>
        </dl>
      </section>
    </div>
  );
}

function ChangePassphrase({ minimum, onDone }: { minimum: number; onDone(message: string): void }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const ready = current && strongEnough(next, minimum) && next === repeat;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await call('vault.changePassphrase', { current, next });
      setCurrent('');
      setNext('');
      setRepeat('');
      onDone(t('settings.passphraseChanged'));
    } catch (err) {
      if (err instanceof ApiError) setError({ code: err.code, message: err.message });
    }
  }

  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('settings.changePassphrase')}</h2>
      <PassphraseField label={t('settings.currentPassphrase')} value={current} onChange={setCurrent} />
      <PassphraseField label={t('recover.newPassphrase')} value={next} onChange={setNext} autoComplete="new-password" />
      <StrengthMeter passphrase={next} minimum={minimum} />
      <PassphraseField label={t('create.repeat')} value={repeat} onChange={setRepeat} autoComplete="new-password" />
      <ErrorBanner error={error} />
      <button type="submit" className="button-secondary" disabled={!ready}>
        {t('settings.changePassphrase')}
      </button>
    </form>
  );
}
