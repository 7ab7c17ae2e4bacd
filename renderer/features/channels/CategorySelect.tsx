import { categoryLabel } from '../../components/labels';
import { useT } from '../../i18n';
import { useVocabularyStore } from '../catalog/vocabulary-store';

interface Props {
  id?: string;
  value: string;
  onChange(category: string): void;
  /** the empty choice: "all categories" in a filter, "choose…" where one must be picked */
  emptyLabel?: string;
  /** a filter also offers values channels hold that the current list does not name */
  withValuesInUse?: boolean;
  ariaLabel?: string;
  disabled?: boolean;
  testId?: string;
}

/** The unit's categories in the user's language; the stored value stays what the core knows. */
export function CategorySelect({
  id,
  value,
  onChange,
  emptyLabel,
  withValuesInUse,
  ariaLabel,
  disabled,
  testId,
}: Props) {
  const t = useT();
  const vocabulary = useVocabularyStore((s) => s.vocabulary);
  const listed = [...(vocabulary?.categories ?? []), ...(withValuesInUse ? (vocabulary?.categoriesInUse ?? []) : [])];
  const options = value && !listed.includes(value) ? [...listed, value] : listed;
  return (
    <select
      id={id}
      value={value}
      aria-label={ariaLabel}
      disabled={disabled || vocabulary === null}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
    >
      {(emptyLabel !== undefined || value === '') && (
        <option value="">{emptyLabel ?? t('workflow.categoryChoose')}</option>
      )}
      {options.map((c) => (
        <option key={c} value={c}>
          {categoryLabel(t, c)}
        </option>
      ))}
    </select>
  );
}
