import { useId, useState } from 'react';
import { useT } from '../i18n';
import { TEXT_LIMITS } from '../../electron/common/limits';

interface Props {
  notes: string;
  onSave(notes: string): Promise<boolean>;
  label: string;
  disabled?: boolean;
}

/** Notes with an explicit save; give it a key of the item so another item starts from its own text. */
export function NotesEditor({ notes, onSave, label, disabled }: Props) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(notes);
  const [saved, setSaved] = useState(false);
  const changed = draft !== notes;
  return (
    <div className="field notes-editor">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        value={draft}
        maxLength={TEXT_LIMITS.notes}
        disabled={disabled}
        placeholder={t('notes.placeholder')}
        onChange={(e) => {
          setDraft(e.target.value);
          setSaved(false);
        }}
      />
      <div className="field-row">
        <button
          type="button"
          className="button-secondary"
          disabled={disabled || !changed}
          onClick={async () => {
            if (await onSave(draft)) setSaved(true);
          }}
        >
          {t('notes.save')}
        </button>
        {changed && (
          <button type="button" className="button-link" onClick={() => setDraft(notes)}>
            {t('notes.discard')}
          </button>
        )}
        {saved && !changed && (
          <span className="muted small" role="status">
            {t('notes.saved')}
          </span>
        )}
      </div>
    </div>
  );
}
