import { useId } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n';
import { CategorySelect } from './CategorySelect';
import { ImportPreviewTable } from './ImportPreviewTable';
import { useChannelImportStore } from './import-store';

const CSV_HEADER = 'url,title,category,status,tags,notes,subscribers';

/** Paste links or load a CSV, preview what each line becomes, then add them all at once (or none). */
export function ImportDialog({ onOpenChannel }: { onOpenChannel(id: number): void }) {
  const t = useT();
  const {
    step,
    text,
    category,
    fileName,
    preview,
    result,
    busy,
    error,
    hide,
    setText,
    setCategory,
    loadFile,
    runPreview,
    backToInput,
    commit,
  } = useChannelImportStore();
  const textId = useId();
  const categoryId = useId();
  const fileId = useId();
  const addable = preview ? preview.counts.new + preview.counts.existing + preview.counts.repeated : 0;

  return (
    <Dialog title={t('import.title')} onClose={hide} closable={!busy} wide>
      {step === 'input' && (
        <>
          <div className="field">
            <label htmlFor={textId}>{t('import.textLabel')}</label>
            <textarea
              id={textId}
              className="import-text mono"
              rows={12}
              value={text}
              spellCheck={false}
              placeholder={t('import.placeholder')}
              onChange={(e) => setText(e.target.value)}
            />
            <span className="muted small">{t('import.textHint')}</span>
          </div>
          <div className="field">
            <label htmlFor={categoryId}>{t('workflow.importCategory')}</label>
            <CategorySelect id={categoryId} value={category} onChange={setCategory} testId="import-category" />
          </div>
          <div className="field-row import-file">
            <label htmlFor={fileId} className="button-secondary file-button">
              {t('import.chooseCsv')}
            </label>
            <input
              id={fileId}
              type="file"
              className="sr-only"
              accept=".csv,.txt,text/csv,text/plain"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void loadFile(file);
                e.target.value = '';
              }}
            />
            <span className="muted small">
              {fileName ? t('import.loadedFile', { name: fileName }) : t('import.csvHint', { header: CSV_HEADER })}
            </span>
          </div>
          <ErrorBanner error={error} />
          <div className="dialog-actions">
            <button type="button" className="button-secondary" onClick={hide} disabled={busy}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button-primary"
              onClick={() => void runPreview()}
              disabled={busy || text.trim() === '' || category === ''}
            >
              {busy ? t('import.checking') : t('import.preview')}
            </button>
          </div>
        </>
      )}
      {step !== 'input' && preview && (
        <>
          {step === 'done' && result ? (
            <div className="banner banner-ok" role="status" data-testid="import-result">
              {t('import.done', {
                added: result.added,
                existing: result.counts.existing,
                skipped: result.counts.invalid,
              })}
            </div>
          ) : (
            <p className="muted">{t('import.previewIntro')}</p>
          )}
          <ImportPreviewTable preview={preview} sourceText={text} onOpenChannel={onOpenChannel} />
          <ErrorBanner error={error} />
          <div className="dialog-actions">
            {step === 'preview' ? (
              <>
                <button type="button" className="button-secondary" onClick={backToInput} disabled={busy}>
                  {t('import.back')}
                </button>
                <button
                  type="button"
                  className="button-primary"
                  onClick={() => void commit()}
                  disabled={busy || addable === 0}
                >
                  {busy
                    ? t('import.adding')
                    : preview.counts.new > 0
                      ? t('import.add', { count: preview.counts.new })
                      : t('import.recordLinks')}
                </button>
              </>
            ) : (
              <>
                <button type="button" className="button-secondary" onClick={() => setText('')}>
                  {t('import.again')}
                </button>
                <button type="button" className="button-primary" onClick={hide}>
                  {t('common.close')}
                </button>
              </>
            )}
          </div>
        </>
      )}
    </Dialog>
  );
}
