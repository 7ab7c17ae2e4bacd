import { useState } from 'react';
import { useT } from '../../i18n';
import { CopyButton } from '../../components/CopyButton';
import { useVaultStore } from './vault-store';

/** The recovery code is shown once; the user proves they kept it by typing its last group. */
export function RecoveryCodeStep() {
  const t = useT();
  const { recoveryCode, recoveryAfterRotation, confirmRecoverySaved } = useVaultStore();
  const [typed, setTyped] = useState('');
  if (!recoveryCode) return null;
  const lastGroup = recoveryCode.split('-').at(-1)!;
  const confirmed = typed.trim().toUpperCase() === lastGroup;
  return (
    <main className="gate">
      <div className="card gate-card">
        <h1>{t('recovery.title')}</h1>
        <p>{t('recovery.intro')}</p>
        {recoveryAfterRotation && <p className="banner banner-warn">{t('security.rotate.oldCodeVoid')}</p>}
        <div className="recovery-code" data-testid="recovery-code">
          {recoveryCode.split('-').map((g, i) => (
            <span key={i}>{g}</span>
          ))}
        </div>
        <CopyButton text={recoveryCode} label={t('recovery.copy')} />
        <p className="muted">{t('recovery.warning')}</p>
        <div className="field">
          <label htmlFor="recovery-confirm">{t('recovery.confirmLabel')}</label>
          <input
            id="recovery-confirm"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            maxLength={4}
            autoComplete="off"
            spellCheck={false}
            className="mono"
          />
        </div>
        <button
          type="button"
          className="button-primary"
          disabled={!confirmed}
          onClick={() => void confirmRecoverySaved()}
        >
          {t('recovery.continue')}
        </button>
      </div>
    </main>
  );
}
