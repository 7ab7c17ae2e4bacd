import { type DragEvent, useId, useState } from 'react';
import { grantForFile } from '../../api';
import { TagEditor } from '../../components/TagEditor';
import { useT } from '../../i18n';
import { CategorySelect } from '../channels/CategorySelect';
import { useVocabularyStore } from '../catalog/vocabulary-store';
import { entriesOfDrop, walkEntries } from './folder-walk';
import { PendingMeta, SourcePreviewLine } from './IntakeMetaState';
import { intakeCategory, useIntakeStore } from './intake-store';
import { TEXT_LIMITS } from '../../../electron/common/limits';

const directoryProps = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** Where files come in: drop files or folders, pick them, or paste an image; with optional shared details. */
export function IntakePanel() {
  const t = useT();
  const { meta, phase, sourcePreview, setMeta, takeFiles, takeWalk, takePaths } = useIntakeStore();
  const tags = useVocabularyStore((s) => s.vocabulary)?.tags ?? [];
  const [over, setOver] = useState(false);
  const filesId = useId();
  const folderId = useId();
  const ids = { source: useId(), notes: useId(), time: useId(), category: useId() };
  const busy = phase === 'running' || phase === 'preparing';

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    if (busy) return;
    // Everything is read from the DataTransfer now: it is emptied once this handler returns.
    const dropped = Array.from(e.dataTransfer.files);
    const { entries, files } = entriesOfDrop(e.dataTransfer.items);
    void Promise.all(dropped.map(grantForFile)).then((grants) => {
      // Desktop: the core reads the files and folders the user dropped, by their grant tokens.
      if (dropped.length > 0 && grants.every(Boolean)) return takePaths(grants as string[]);
      if (entries.length > 0)
        return takeWalk(
          walkEntries(entries).then((walked) => ({
            ...walked,
            files: [...walked.files, ...files.map((file) => ({ file, path: file.name }))],
          })),
        );
      if (files.length > 0) return takeFiles(files);
    });
  }

  function onPicked(input: HTMLInputElement) {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length === 0) return;
    void takeWalk(
      Promise.resolve({
        files: files.map((file) => ({ file, path: file.webkitRelativePath || file.name })),
        skipped: [],
      }),
    );
  }

  return (
    <section className="card intake">
      <div
        className={`drop-zone${over ? ' over' : ''}${busy ? ' busy' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <strong>{t('intake.dropTitle')}</strong>
        <span className="muted">{t('intake.dropHint')}</span>
        <div className="field-row">
          <label htmlFor={filesId} className={`button-primary file-button${busy ? ' disabled' : ''}`}>
            {t('intake.pickFiles')}
          </label>
          <input
            id={filesId}
            type="file"
            multiple
            className="sr-only"
            disabled={busy}
            data-testid="intake-files"
            onChange={(e) => onPicked(e.target)}
          />
          <label htmlFor={folderId} className={`button-secondary file-button${busy ? ' disabled' : ''}`}>
            {t('intake.pickFolder')}
          </label>
          <input
            id={folderId}
            type="file"
            multiple
            className="sr-only"
            disabled={busy}
            {...directoryProps}
            onChange={(e) => onPicked(e.target)}
          />
        </div>
      </div>
      <details className="intake-meta">
        <summary>{t('intake.metaTitle')}</summary>
        <p className="muted small">{t('intake.metaHint')}</p>
        <div className="meta-grid">
          <div className="field">
            <label htmlFor={ids.source}>{t('intake.sourceUrl')}</label>
            <input
              id={ids.source}
              type="text"
              className="mono"
              value={meta.sourceUrl}
              maxLength={4096}
              placeholder="https://t.me/…"
              disabled={busy}
              onChange={(e) => setMeta({ sourceUrl: e.target.value })}
            />
            {sourcePreview && meta.sourceUrl.trim() ? (
              <SourcePreviewLine preview={sourcePreview} />
            ) : (
              <span className="muted small">{t('intake.sourceUrlHint')}</span>
            )}
          </div>
          <div className="field">
            <label htmlFor={ids.category}>{t('workflow.intakeCategory')}</label>
            <CategorySelect
              id={ids.category}
              value={intakeCategory(meta)}
              disabled={busy}
              onChange={(category) => setMeta({ category })}
              testId="intake-category"
            />
          </div>
          <div className="field">
            <label htmlFor={ids.time}>{t('intake.capturedAt')}</label>
            <input
              id={ids.time}
              type="datetime-local"
              value={meta.capturedAt}
              disabled={busy}
              onChange={(e) => setMeta({ capturedAt: e.target.value })}
            />
            <span className="muted small">{t('intake.capturedAtHint')}</span>
          </div>
          <div className="field">
            <span className="field-label">{t('intake.tags')}</span>
            <TagEditor
              tags={meta.tags}
              suggestions={tags}
              label={t('intake.tags')}
              disabled={busy}
              onChange={(next) => setMeta({ tags: next })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.notes}>{t('intake.notes')}</label>
            <textarea
              id={ids.notes}
              rows={2}
              value={meta.notes}
              maxLength={TEXT_LIMITS.notes}
              disabled={busy}
              onChange={(e) => setMeta({ notes: e.target.value })}
            />
          </div>
        </div>
      </details>
      <PendingMeta />
    </section>
  );
}
