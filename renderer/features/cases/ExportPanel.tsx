import { useState } from 'react';
import { useNavStore } from '../../app/nav-store';
import { CopyButton } from '../../components/CopyButton';
import { formatBytes } from '../../components/labels';
import { errorText, useI18n, useT } from '../../i18n';
import { useVaultStore } from '../vault/vault-store';
import { progressFraction } from './case-helpers';
import type { CaseDetail } from './cases-store';
import { type ExportLanguage, useExportStore } from './export-store';
import { RecipientPicker } from './RecipientPicker';

function Progress() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { done, total, label, cancel } = useExportStore();
  const fraction = progressFraction(done, total);
  return (
    <div className="export-progress" data-testid="export-progress">
      {/* Without a value the bar is indeterminate: the PDF is drawn first and has no size yet. */}
      {fraction === null ? (
        <progress className="progress" aria-label={t('cases.export.preparing')} />
      ) : (
        <progress className="progress" max={1} value={fraction} aria-label={t('cases.export.running')} />
      )}
      <div className="field-row export-progress-text">
        <span className="muted small">
          {fraction === null
            ? t('cases.export.preparing')
            : t('cases.export.bytes', {
                done: formatBytes(Math.min(done, total), language),
                total: formatBytes(total, language),
              })}
          {label && fraction !== null && <span className="mono"> · {label}</span>}
        </span>
        <button type="button" className="button-secondary small" onClick={() => void cancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Export: signs the case as a package (PDF + data + evidence), to a chosen file or the exports folder. */
export function ExportPanel({ kase }: { kase: CaseDetail }) {
  const t = useT();
  const uiLanguage = useI18n((s) => s.language);
  const policyUnit = useVaultStore((s) => s.status?.unitName ?? null);
  const [language, setLanguage] = useState<ExportLanguage>(uiLanguage);
  const { caseId, phase, result, error, missing, start, dismiss } = useExportStore();
  const mine = caseId === kase.id;
  const running = phase === 'running';
  const empty = kase.channelIds.length === 0 && kase.evidenceIds.length === 0;
  return (
    <section className="card" data-testid="export-card">
      <h2>{t('cases.export.title')}</h2>
      <p className="muted small">{t('cases.export.intro')}</p>
      <fieldset className="field">
        <legend className="field-label">{t('cases.export.language')}</legend>
        <div className="field-row">
          {(['id', 'en'] as const).map((l) => (
            <label key={l} className={language === l ? 'choice on' : 'choice'}>
              <input
                type="radio"
                name="export-language"
                value={l}
                checked={language === l}
                disabled={running}
                onChange={() => setLanguage(l)}
              />
              {l === 'id' ? 'Bahasa Indonesia' : 'English'}
            </label>
          ))}
        </div>
      </fieldset>
      <RecipientPicker disabled={running} />
      {empty && <p className="muted small">{t('cases.export.empty')}</p>}
      <button
        type="button"
        className="button-primary"
        disabled={running || empty}
        onClick={() => void start(kase, language, policyUnit)}
      >
        {running && mine
          ? t('cases.export.running')
          : kase.exports.length > 0
            ? t('cases.export.again')
            : t('cases.export.start')}
      </button>
      {running && !mine && <p className="muted small">{t('cases.export.busyElsewhere')}</p>}
      {mine && running && <Progress />}
      {mine && phase === 'done' && result && (
        <div className="banner banner-ok" role="status" data-testid="export-result">
          <strong>{t('cases.export.done')}</strong>
          <div className="fact-with-action">
            <span className="mono" data-testid="export-path">
              {result.path}
            </span>
            <CopyButton text={result.path} />
          </div>
          {result.recipients.length > 0 && (
            <div className="small">{t('cases.export.doneEncrypted', { count: result.recipients.length })}</div>
          )}
          <div className="small">{t('cases.export.doneHint')}</div>
        </div>
      )}
      {mine && phase === 'failed' && missing.length > 0 && (
        <div className="banner banner-error" role="alert" data-testid="export-identity">
          <div>
            {t(
              missing.includes('name') && missing.includes('unit')
                ? 'cases.export.needNameUnit'
                : missing.includes('name')
                  ? 'cases.export.needName'
                  : 'cases.export.needUnit',
            )}
          </div>
          <button
            type="button"
            className="button-secondary small banner-action"
            onClick={() => {
              dismiss();
              useNavStore.getState().go('settings');
            }}
          >
            {t('cases.export.openSettings')}
          </button>
        </div>
      )}
      {mine && phase === 'failed' && error && (
        <div className="banner banner-error" role="alert">
          <strong>{t('cases.export.failed')}</strong> {errorText(t, error)}
        </div>
      )}
      {mine && phase === 'cancelled' && (
        <div className="banner banner-warn" role="status">
          {t('cases.export.cancelled')}
        </div>
      )}
    </section>
  );
}
