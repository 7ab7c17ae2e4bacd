import { type ReactNode, useId } from 'react';
import { TEXT_LIMITS } from '../../../electron/common/limits';
import { useT } from '../../i18n';
import { useCasesStore } from './cases-store';

type Priority = 'urgent' | 'normal';

/** Urgent or normal, as two radio choices; what the priority implies (its due time) comes as children. */
export function PriorityField(props: {
  name: string;
  value: Priority;
  onChange(priority: Priority): void;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <fieldset className="field priority-field">
      <legend className="field-label">{t('cases.priority')}</legend>
      <div className="field-row">
        {(['urgent', 'normal'] as const).map((p) => (
          <label key={p} className={props.value === p ? `choice on priority-${p}` : 'choice'}>
            <input
              type="radio"
              name={props.name}
              value={p}
              checked={props.value === p}
              onChange={() => props.onChange(p)}
            />
            {t(p === 'urgent' ? 'cases.priority.urgent' : 'cases.priority.normal')}
          </label>
        ))}
      </div>
      {props.children}
    </fieldset>
  );
}

/** The legal basis: one of the unit's presets, or the analyst's own words in the text box below it. */
export function LegalBasisField(props: {
  value: string;
  onChange(legalBasis: string): void;
  className?: string;
  placeholder?: string;
}) {
  const t = useT();
  const ids = { preset: useId(), legal: useId() };
  const presets = useCasesStore((s) => s.presets);
  const preset = presets?.legalBasis.includes(props.value) ? props.value : '';
  return (
    <div className={props.className ?? 'field'}>
      <label htmlFor={ids.preset}>{t('cases.legalBasis')}</label>
      <select id={ids.preset} value={preset} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('cases.legalBasisOwn')}</option>
        {presets?.legalBasis.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <textarea
        id={ids.legal}
        rows={2}
        value={props.value}
        maxLength={TEXT_LIMITS.legalBasis}
        aria-label={t('cases.legalBasisText')}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
