import { type FormEvent, Fragment, useEffect, useId, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { useT } from '../../i18n';
import { useVaultStore } from '../vault/vault-store';
import { canDownload, downloadText } from './download';
import { groupFingerprint, publicKeyFileName, rosterEntryJson } from './fingerprint';
import { type Identity, useIdentityStore } from './identity-store';

/** Settings → Identity: who signs packages from this vault, and the key that proves it. */
export function IdentitySection() {
  const t = useT();
  const { identity, loading, error, load } = useIdentityStore();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="card identity-card" id="identity" data-testid="identity-card">
      <h2>{t('identity.title')}</h2>
      <p className="muted">{t('identity.intro')}</p>
      {loading && !identity && <LoadingState />}
      {!identity && <ErrorBanner error={error} />}
      {identity && <IdentityForm key={identity.fingerprint} identity={identity} />}
      {identity && <PublicKey identity={identity} />}
    </section>
  );
}

function IdentityForm({ identity }: { identity: Identity }) {
  const t = useT();
  const policyUnit = useVaultStore((s) => s.status?.unitName ?? null);
  const { saving, saved, error, save } = useIdentityStore();
  const [name, setName] = useState(identity.name);
  const [unit, setUnit] = useState(identity.unit);
  const [employeeId, setEmployeeId] = useState(identity.employeeId);
  const [role, setRole] = useState(identity.role);
  const ids = { name: useId(), unit: useId(), employeeId: useId(), role: useId() };
  const changed =
    name !== identity.name || unit !== identity.unit || employeeId !== identity.employeeId || role !== identity.role;

  async function submit(e: FormEvent) {
    e.preventDefault();
    await save({ name: name.trim(), unit: unit.trim(), employeeId: employeeId.trim(), role });
  }

  return (
    <form onSubmit={submit} className="identity-form">
      {!identity.name && (
        <div className="banner banner-warn" role="status">
          {t('identity.incomplete')}
        </div>
      )}
      <div className="identity-grid">
        <div className="field">
          <label htmlFor={ids.name}>{t('identity.name')}</label>
          <input
            id={ids.name}
            value={name}
            maxLength={200}
            required
            autoComplete="name"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.unit}>{t('identity.unit')}</label>
          <input
            id={ids.unit}
            value={unit}
            maxLength={200}
            placeholder={policyUnit ?? ''}
            onChange={(e) => setUnit(e.target.value)}
          />
          {policyUnit && <span className="muted small">{t('identity.unitFromPolicy', { unit: policyUnit })}</span>}
        </div>
        <div className="field">
          <label htmlFor={ids.employeeId}>{t('identity.employeeId')}</label>
          <input
            id={ids.employeeId}
            value={employeeId}
            maxLength={100}
            onChange={(e) => setEmployeeId(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('identity.role')}</label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as Identity['role'])}>
            <option value="analyst">{t('identity.role.analyst')}</option>
            <option value="supervisor">{t('identity.role.supervisor')}</option>
            <option value="unit">{t('identity.role.unit')}</option>
          </select>
        </div>
      </div>
      <ErrorBanner error={error} />
      <div className="field-row">
        <button type="submit" className="button-primary" disabled={saving || !changed || !name.trim()}>
          {saving ? t('identity.saving') : t('identity.save')}
        </button>
        {saved && !changed && (
          <span className="muted" role="status">
            {t('identity.saved')}
          </span>
        )}
      </div>
    </form>
  );
}

function PublicKey({ identity }: { identity: Identity }) {
  const t = useT();
  const grouped = groupFingerprint(identity.fingerprint);
  const entry = rosterEntryJson(identity);
  return (
    <div className="identity-key">
      <h3>{t('identity.fingerprint')}</h3>
      <p className="muted small">{t('identity.fingerprintHint')}</p>
      <div className="fact-with-action">
        <code
          className="fingerprint mono"
          data-testid="identity-fingerprint"
          data-fingerprint={identity.fingerprint}
          aria-label={grouped}
        >
          {grouped.split(' ').map((group, i) => (
            <Fragment key={i}>
              {i > 0 && ' '}
              <span>{group}</span>
            </Fragment>
          ))}
        </code>
        <CopyButton text={identity.fingerprint} />
      </div>
      <h3>{t('identity.publicKey')}</h3>
      <p className="muted small">{t('identity.publicKeyHint')}</p>
      <div className="field-row wrap">
        {canDownload() && (
          <button
            type="button"
            className="button-ghost small"
            onClick={() =>
              downloadText(
                publicKeyFileName(identity.name, identity.fingerprint),
                identity.publicKeyPem,
                'application/x-pem-file',
              )
            }
          >
            {t('identity.downloadPem')}
          </button>
        )}
        <CopyButton text={identity.publicKeyPem} label={t('identity.copyPem')} />
        <CopyButton text={entry} label={t('identity.copyRosterEntry')} />
        {canDownload() && (
          <button
            type="button"
            className="button-ghost small"
            onClick={() =>
              downloadText(
                publicKeyFileName(identity.name, identity.fingerprint).replace(/\.pem$/, '.json'),
                entry,
                'application/json',
              )
            }
          >
            {t('identity.downloadRosterEntry')}
          </button>
        )}
      </div>
      {identity.ageRecipient && (
        <>
          <h3>{t('identity.ageRecipient')}</h3>
          <p className="muted small">{t('identity.ageRecipientHint')}</p>
          <div className="fact-with-action">
            <code className="mono small age-recipient" data-testid="identity-age-recipient">
              {identity.ageRecipient}
            </code>
            <CopyButton text={identity.ageRecipient} label={t('identity.copyAgeRecipient')} />
          </div>
        </>
      )}
      <details className="identity-pem">
        <summary>{t('identity.showPem')}</summary>
        <textarea
          className="mono pem-text"
          readOnly
          rows={4}
          value={identity.publicKeyPem}
          aria-label={t('identity.publicKey')}
        />
      </details>
    </div>
  );
}
