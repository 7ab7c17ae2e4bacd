import { useId } from 'react';
import type { IdentityFields as Fields } from '../../../electron/common/identity-rules';
import { useT } from '../../i18n';

export type { Fields as IdentityDraft };

export const EMPTY_IDENTITY: Fields = { name: '', unit: '', employeeId: '', role: 'analyst' };

interface Props {
  value: Fields;
  onChange(next: Fields): void;
  /** the unit the machine policy fixes, shown as the default */
  policyUnit: string | null;
  disabled?: boolean;
}

/** Name, unit, employee ID and role: asked when a vault is created, and of a vault that names nobody. */
export function IdentityFields({ value, onChange, policyUnit, disabled }: Props) {
  const t = useT();
  const ids = { name: useId(), unit: useId(), employeeId: useId(), role: useId() };
  const set = (patch: Partial<Fields>) => onChange({ ...value, ...patch });
  return (
    <>
      <div className="field">
        <label htmlFor={ids.name}>{t('identity.name')}</label>
        <input
          id={ids.name}
          value={value.name}
          maxLength={200}
          autoComplete="name"
          disabled={disabled}
          onChange={(e) => set({ name: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.unit}>{t('identity.unit')}</label>
        <input
          id={ids.unit}
          value={value.unit}
          maxLength={200}
          placeholder={policyUnit ?? ''}
          disabled={disabled}
          onChange={(e) => set({ unit: e.target.value })}
        />
        {policyUnit && <span className="muted small">{t('identity.unitFromPolicy', { unit: policyUnit })}</span>}
      </div>
      <div className="field">
        <label htmlFor={ids.employeeId}>{t('identity.employeeId')}</label>
        <input
          id={ids.employeeId}
          value={value.employeeId}
          maxLength={100}
          disabled={disabled}
          onChange={(e) => set({ employeeId: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.role}>{t('identity.role')}</label>
        <select
          id={ids.role}
          value={value.role}
          disabled={disabled}
          onChange={(e) => set({ role: e.target.value as Fields['role'] })}
        >
          <option value="analyst">{t('identity.role.analyst')}</option>
          <option value="supervisor">{t('identity.role.supervisor')}</option>
          <option value="unit">{t('identity.role.unit')}</option>
        </select>
      </div>
    </>
  );
}
