import { type KeyboardEvent, useId, useState } from 'react';
import { useT } from '../i18n';
import { addTags } from './tags';

interface Props {
  tags: readonly string[];
  suggestions?: readonly string[];
  onChange(tags: string[]): void;
  disabled?: boolean;
  label: string;
}

/** Tags as removable chips and a field that adds on Enter or comma; saved by the caller on each change. */
export function TagEditor({ tags, suggestions = [], onChange, disabled, label }: Props) {
  const t = useT();
  const inputId = useId();
  const listId = useId();
  const [draft, setDraft] = useState('');

  function commit() {
    const next = addTags(tags, draft);
    setDraft('');
    if (next.length !== tags.length) onChange(next);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <div className="tag-editor">
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <ul className="tag-list">
        {tags.map((tag) => (
          <li key={tag} className="tag">
            <span>{tag}</span>
            <button
              type="button"
              className="tag-remove"
              disabled={disabled}
              aria-label={t('tags.remove', { tag })}
              onClick={() => onChange(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </li>
        ))}
        <li className="tag-input">
          <input
            id={inputId}
            list={listId}
            value={draft}
            disabled={disabled}
            placeholder={tags.length === 0 ? t('tags.placeholder') : t('tags.more')}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => draft.trim() && commit()}
          />
          <datalist id={listId}>
            {suggestions
              .filter((s) => !tags.includes(s))
              .slice(0, 200)
              .map((s) => (
                <option key={s} value={s} />
              ))}
          </datalist>
        </li>
      </ul>
    </div>
  );
}
