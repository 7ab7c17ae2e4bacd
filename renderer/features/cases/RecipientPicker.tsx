import { useEffect } from 'react';
import { textOr, useT } from '../../i18n';
import { useExportStore } from './export-store';

const short = (recipient: string) => `${recipient.slice(0, 12)}…${recipient.slice(-6)}`;

/**
 * Whom the package is encrypted for (age): roster entries that carry an age recipient, and the
 * recipients the machine policy requires, shown checked and locked. None chosen: a plain ZIP.
 */
export function RecipientPicker({ disabled }: { disabled: boolean }) {
  const t = useT();
  const { recipients, chosen, loadRecipients, toggleRecipient } = useExportStore();
  useEffect(() => {
    void loadRecipients();
  }, [loadRecipients]);
  if (!recipients) return null;
  const sealed = chosen.length > 0 || recipients.required.length > 0;
  return (
    <fieldset className="field" data-testid="export-recipients">
      <legend className="field-label">{t('cases.export.recipients')}</legend>
      {recipients.required.length === 0 && recipients.roster.length === 0 && (
        <p className="muted small">{t('cases.export.noRecipients')}</p>
      )}
      <ul className="recipient-list">
        {recipients.required.map((r) => (
          <li key={r}>
            <label className="choice on" title={r}>
              <input type="checkbox" checked disabled />
              {t('cases.export.requiredRecipient')} <span className="mono small">{short(r)}</span>
            </label>
          </li>
        ))}
        {recipients.roster.map((e) => (
          <li key={`${e.fingerprint}-${e.role}`}>
            <label className={chosen.includes(e.ageRecipient) ? 'choice on' : 'choice'} title={e.ageRecipient}>
              <input
                type="checkbox"
                checked={chosen.includes(e.ageRecipient)}
                disabled={disabled}
                onChange={() => toggleRecipient(e.ageRecipient)}
              />
              {e.name}{' '}
              <span className="muted small">
                ({textOr(t, `identity.role.${e.role}`, e.role)}
                {e.unit ? `, ${e.unit}` : ''})
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p className="muted small" data-testid="export-encryption">
        {sealed ? t('cases.export.encrypted') : t('cases.export.plain')}
      </p>
    </fieldset>
  );
}
