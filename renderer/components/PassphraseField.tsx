import { useId, useState } from 'react';
import { useT } from '../i18n';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  autoFocus?: boolean;
  autoComplete?: 'current-password' | 'new-password';
  name?: string;
}

/** A passphrase input with a show/hide toggle; browsers' password managers are not offered it. */
export function PassphraseField({ label, value, onChange, autoFocus, autoComplete = 'current-password', name }: Props) {
  const t = useT();
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        <input
          id={id}
          name={name}
          type={shown ? 'text' : 'password'}
          value={value}
          autoFocus={autoFocus}
          autoComplete={autoComplete}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
        <button type="button" className="button-ghost" onClick={() => setShown(!shown)} aria-pressed={shown}>
          {shown ? t('common.hide') : t('common.show')}
        </button>
      </div>
    </div>
  );
}
