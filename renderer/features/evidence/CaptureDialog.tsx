import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n';
import { useCaptureStore } from './capture-store';

/** Pick a screen or window; the capture goes straight into the vault, never to a file on disk. */
export function CaptureDialog({ onCaptured }: { onCaptured(evidenceId: number): void }) {
  const t = useT();
  const { sources, busy, error, captured, capture, close } = useCaptureStore();
  const [sourceUrl, setSourceUrl] = useState('');
  const [notes, setNotes] = useState('');
  return (
    <Dialog title={t('capture.title')} onClose={close} closable={!busy} wide>
      <p className="muted">{t('capture.intro')}</p>
      <div className="field">
        <label htmlFor="capture-source-url">{t('capture.sourceUrl')}</label>
        <input
          id="capture-source-url"
          value={sourceUrl}
          onChange={(e) => setSourceUrl(e.target.value)}
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label htmlFor="capture-notes">{t('capture.notes')}</label>
        <input id="capture-notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <ErrorBanner error={error} />
      {captured && (
        <div className="banner banner-ok" role="status">
          {t('capture.done', { id: captured.evidenceId })} <span className="mono small">SHA-256 {captured.sha256}</span>{' '}
          <button type="button" className="button-link" onClick={() => onCaptured(captured.evidenceId)}>
            {t('capture.open')}
          </button>
        </div>
      )}
      {sources === null && busy && <p className="muted">{t('capture.looking')}</p>}
      {sources && sources.length === 0 && <p className="muted">{t('capture.none')}</p>}
      <div className="capture-grid">
        {sources?.map((s) => (
          <button
            key={s.id}
            type="button"
            className="capture-source"
            disabled={busy}
            onClick={() => void capture(s.id, { sourceUrl, notes })}
          >
            <img src={s.thumbnailUrl} alt="" />
            <span>
              {s.kind === 'screen' ? t('capture.screen') : t('capture.window')}: {s.name}
            </span>
          </button>
        ))}
      </div>
    </Dialog>
  );
}
