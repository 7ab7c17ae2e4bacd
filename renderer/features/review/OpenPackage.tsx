import { type DragEvent, useState } from 'react';
import { FilePickButton } from '../../components/FilePickButton';
import { errorText, useT } from '../../i18n';
import { useReviewStore } from './review-store';

/** Where a package comes in: picked or dropped; verifying it may take a while for a large one. */
export function OpenPackage() {
  const t = useT();
  const { phase, opening, error, openFile, cancelOpen } = useReviewStore();
  const [over, setOver] = useState(false);
  const busy = phase === 'opening';

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) void openFile(file);
  }

  return (
    <section className="card">
      <div
        className={`drop-zone review-drop${over ? ' over' : ''}${busy ? ' busy' : ''}`}
        data-testid="review-drop"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <strong>{t('review.dropTitle')}</strong>
        <span className="muted">{t('review.dropHint')}</span>
        <span className="muted small">{t('review.encryptedHint')}</span>
        <FilePickButton
          label={t('review.pick')}
          accept=".zip,.age,application/zip"
          busy={busy}
          testId="review-file"
          onFiles={([file]) => void openFile(file)}
        />
      </div>
      {busy && (
        <div className="verifying" role="status" aria-busy="true" data-testid="verifying">
          <progress className="progress" aria-label={t('review.verifying', { file: opening ?? '' })} />
          <div className="field-row">
            <span>{t('review.verifying', { file: opening ?? '' })}</span>
            <button type="button" className="button-secondary small" onClick={() => void cancelOpen()}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {phase === 'failed' && error && (
        <div className="banner banner-error" role="alert" data-testid="open-error">
          <strong>{t('review.openFailed')}</strong> {errorText(t, error)}
        </div>
      )}
    </section>
  );
}
