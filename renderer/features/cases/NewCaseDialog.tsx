import { type FormEvent, useId } from 'react';
import { PLATFORMS } from '../../../electron/common/platforms';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { platformLabel } from '../../components/labels';
import { useI18n, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { LegalBasisField, PriorityField } from './CaseFields';
import { ChannelPicker } from './ChannelPicker';
import { EvidencePicker } from './EvidencePicker';
import { dueAtFrom, formatDue } from './case-helpers';
import { useCasesStore } from './cases-store';
import { effectivePlatform, useNewCaseStore } from './new-case-store';
import { usePickerStore } from './picker-store';
import { useNow } from './use-now';
import { TEXT_LIMITS } from '../../../electron/common/limits';

export function NewCaseDialog() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const now = useNow();
  const ids = { title: useId(), platform: useId(), notes: useId() };
  const { form, submitting, error, hide, setForm, submit } = useNewCaseStore();
  const presets = useCasesStore((s) => s.presets);
  const picked = usePickerStore((s) => s.picked);
  const checked = usePickerStore((s) => s.checked);
  const platform = effectivePlatform(
    form,
    picked.map((c) => c.platform),
  );
  // a picked channel's platform is offered even if it is not listed
  const platforms = [...new Set([...PLATFORMS, ...picked.map((c) => c.platform), ...(platform ? [platform] : [])])];
  const otherPlatform = picked.filter((c) => c.platform !== platform).length;
  const ready = form.title.trim() !== '' && platform !== '' && !submitting;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (ready) void submit();
  }

  return (
    <Dialog title={t('cases.newTitle')} onClose={hide} closable={!submitting} wide>
      <form onSubmit={onSubmit} className="new-case" data-testid="new-case">
        <div className="new-case-grid">
          <div className="field span-2">
            <label htmlFor={ids.title}>{t('cases.titleLabel')}</label>
            <input
              id={ids.title}
              value={form.title}
              maxLength={TEXT_LIMITS.short}
              required
              data-autofocus
              placeholder={t('cases.titlePlaceholder')}
              onChange={(e) => setForm({ title: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.platform}>{t('cases.platform')}</label>
            <select id={ids.platform} value={platform} onChange={(e) => setForm({ platform: e.target.value })}>
              {platform === '' && <option value="">{t('cases.platformChoose')}</option>}
              {platforms.map((p) => (
                <option key={p} value={p}>
                  {platformLabel(t, p)}
                </option>
              ))}
            </select>
            {!form.platform && platform && <span className="muted small">{t('cases.platformFromChannels')}</span>}
            {otherPlatform > 0 && (
              <span className="field-warn small" role="status">
                {t('cases.platformMixed', { count: otherPlatform, platform: platformLabel(t, platform) })}
              </span>
            )}
          </div>
          <PriorityField name="priority" value={form.priority} onChange={(p) => setForm({ priority: p })}>
            {presets && (
              <span className="muted small" data-testid="due-preview">
                {t('cases.dueImplied', {
                  hours: formatNumber(presets.dueHours[form.priority], language),
                  due: formatDue(dueAtFrom(now, presets.dueHours[form.priority]).toISOString(), language),
                })}
              </span>
            )}
          </PriorityField>
          <LegalBasisField
            className="field span-2"
            value={form.legalBasis}
            placeholder={t('cases.legalBasisPlaceholder')}
            onChange={(legalBasis) => setForm({ legalBasis })}
          />
          <div className="field span-2">
            <label htmlFor={ids.notes}>{t('cases.notes')}</label>
            <textarea
              id={ids.notes}
              rows={2}
              value={form.notes}
              maxLength={TEXT_LIMITS.notes}
              onChange={(e) => setForm({ notes: e.target.value })}
            />
          </div>
        </div>
        <div className="pickers">
          <ChannelPicker />
          <EvidencePicker />
        </div>
        <ErrorBanner error={error} />
        <div className="dialog-actions sticky-actions">
          <span className="muted pick-summary" data-testid="pick-summary">
            {t('cases.pick.summary', { channels: picked.length, evidence: checked.size })}
          </span>
          <button type="button" className="button-secondary" onClick={hide} disabled={submitting}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={!ready}>
            {submitting ? t('cases.creating') : t('cases.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
