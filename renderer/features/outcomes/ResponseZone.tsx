import { type DragEvent } from 'react';
import { FilePickButton } from '../../components/FilePickButton';
import { useT } from '../../i18n';
import { useOutcomesStore } from './outcomes-store';

/** Where a platform's response file goes: dropped here, or picked. The core decides whether it answers this case. */
export function ResponseZone({ caseId }: { caseId: number }) {
  const t = useT();
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
      <FilePickButton
        label={t('outcomes.response.pick')}
        accept=".json,application/json"
        busy={importing}
        testId="response-file"
        variant="secondary"
        onFiles={([file]) => take(file)}
      />
    </div>
  );
}
