import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PassphraseField } from '../../components/PassphraseField';
import { formatBytes } from '../../components/labels';
import { useI18n, useT } from '../../i18n';
import { StrengthMeter, strongEnough } from '../vault/StrengthMeter';
import { useRotationStore } from './rotation-store';

function RotationProgress() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { phase, done, total } = useRotationStore();
  const committing = phase === 'commit';
  return (
    <div data-testid="rotation-progress">
      {total > 0 && !committing ? (
        <progress className="progress" max={total} value={done} aria-label={t('security.rotate.title')} />
      ) : (
        <progress className="progress" aria-label={t('security.rotate.title')} />
      )}
      <p className="muted small" role="status">
        {committing
          ? t('security.rotate.committing')
          : t('security.rotate.running', { done: formatBytes(done, language), total: formatBytes(total, language) })}
      </p>
    </div>
  );
}

/** Settings → Rotate keys: the current passphrase (and, if wanted, a new one), a confirmation, progress, then the new recovery code. */
export function RotateKeysSection({ minimum }: { minimum: number }) {
  const t = useT();
  const { running, error, rotate, clearError } = useRotationStore();
  const [current, setCurrent] = useState('');
  const [changing, setChanging] = useState(false);
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [confirming, setConfirming] = useState(false);
  const ready = current !== '' && (!changing || (strongEnough(next, minimum) && next === repeat));

  async function start() {
    const rotated = await rotate(current, changing ? next : undefined);
    setConfirming(false);
    if (rotated) {
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  }

  return (
    <section className="card" data-testid="rotate-keys">
      <h2>{t('security.rotate.title')}</h2>
      <p className="muted">{t('security.rotate.intro')}</p>
      <PassphraseField
        label={t('settings.currentPassphrase')}
        value={current}
        onChange={setCurrent}
        name="rotate-current"
      />
      <label className="check-option">
        <input type="checkbox" checked={changing} onChange={(e) => setChanging(e.target.checked)} />
        <span>{t('security.rotate.newPassphraseToo')}</span>
      </label>
      {changing && (
        <>
          <PassphraseField
            label={t('recover.newPassphrase')}
            value={next}
            onChange={setNext}
            autoComplete="new-password"
          />
          <StrengthMeter passphrase={next} minimum={minimum} />
          <PassphraseField label={t('create.repeat')} value={repeat} onChange={setRepeat} autoComplete="new-password" />
          {repeat && next !== repeat && <div className="field-error">{t('create.mismatch')}</div>}
        </>
      )}
      <ErrorBanner error={error} />
      <button
        type="button"
        className="button-secondary"
        disabled={!ready}
        onClick={() => {
          clearError();
          setConfirming(true);
        }}
      >
        {t('security.rotate.start')}
      </button>
      {confirming && (
        <Dialog title={t('security.rotate.confirmTitle')} closable={!running} onClose={() => setConfirming(false)}>
          {running ? (
            <RotationProgress />
          ) : (
            <>
              <p>{t('security.rotate.confirmBody')}</p>
              <div className="field-row">
                <button type="button" className="button-primary" onClick={() => void start()}>
                  {t('security.rotate.confirm')}
                </button>
                <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </>
          )}
        </Dialog>
      )}
    </section>
  );
}
