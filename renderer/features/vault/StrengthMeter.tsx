import { estimateStrength } from '../../../electron/common/passphrase-strength';
import { type MessageKey, useT } from '../../i18n';

const LABELS: MessageKey[] = ['strength.0', 'strength.1', 'strength.2', 'strength.3', 'strength.4'];

export function StrengthMeter({ passphrase, minimum }: { passphrase: string; minimum: number }) {
  const t = useT();
  const { score, hints } = estimateStrength(passphrase);
  return (
    <div className="strength" aria-live="polite">
      <div className="strength-bar" data-score={passphrase ? score : -1}>
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={passphrase && i < Math.max(score, 1) ? 'on' : ''} />
        ))}
      </div>
      <div className="strength-text">
        {passphrase ? t(LABELS[score]!) : t('strength.empty')}
        {passphrase && score < minimum ? ` · ${t('strength.needed', { level: t(LABELS[minimum]!) })}` : ''}
      </div>
      {passphrase && hints.length > 0 && (
        <ul className="strength-hints">
          {hints.map((h) => (
            <li key={h}>{t(h as MessageKey)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function strongEnough(passphrase: string, minimum: number): boolean {
  return estimateStrength(passphrase).score >= minimum;
}
