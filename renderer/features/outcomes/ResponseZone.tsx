import { type DragEvent, useId } from 'react';
import { useT } from '../../i18n';
import { useOutcomesStore } from './outcomes-store';

/** Where a platform's response file goes: dropped here, or picked. The core decides whether it answers this case. */
export function ResponseZone({ caseId }: { caseId: number }) {
  const t = useT();
  const inputId = useId();
  const { importing, over, importFile, setOver } = useOutcomesStore();
  const take = (file: File | undefined) => {
    if (file) void importFile(caseId, file);
  };
  // This zone takes the drop itself, so the case page's own drop (a supervisor's package) never sees it.
  const drag = {
    onDragOver(e: DragEvent<HTMLDivElement>) {
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop(e: DragEvent<HTMLDivElement>) {
      e.preventDefault();
      e.stopPropagation();
      setOver(false);
      take(e.dataTransfer.files[0]);
    },
  };
  return (
    <div
      className={`drop-zone response-zone${over ? ' over' : ''}${importing ? ' busy' : ''}`}
      data-testid="response-drop"
      {...drag}
    >
      <strong>{t('outcomes.response.drop')}</strong>
      <span className="muted small">{t('outcomes.response.hint')}</span>
      <label htmlFor={inputId} className={`button-secondary file-button${importing ? ' disabled' : ''}`}>
        {t('outcomes.response.pick')}
      </label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        disabled={importing}
        data-testid="response-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          take(file);
        }}
      />
    </div>
  );
}
