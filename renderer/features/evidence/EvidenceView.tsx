import { useEffect } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { useI18n, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useVocabularyStore } from '../catalog/vocabulary-store';
import { openEvidence } from '../search/navigate';
import { CaptureDialog } from './CaptureDialog';
import { captureAvailable, useCaptureStore } from './capture-store';
import { EvidenceFilters } from './EvidenceFilters';
import { EvidenceGallery } from './EvidenceGallery';
import { EvidenceViewer } from './EvidenceViewer';
import { IntakePanel } from './IntakePanel';
import { IntakeStatus } from './IntakeStatus';
import { useEvidenceStore } from './evidence-store';
import { useEvidenceViewerStore } from './evidence-viewer-store';
import { useIntakeStore } from './intake-store';
import { pastedImages } from './paste';

function EvidenceList() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { total, filter, error, purged, refresh } = useEvidenceStore();
  const loadVocabulary = useVocabularyStore((s) => s.load);
  const takeFiles = useIntakeStore((s) => s.takeFiles);

  useEffect(() => {
    void loadVocabulary();
    refresh();
  }, [loadVocabulary, refresh]);

  // Paste from the clipboard works anywhere on this page (not in the viewer, not in other areas).
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = pastedImages(e.clipboardData, e.target);
      if (files.length === 0) return;
      e.preventDefault();
      void takeFiles(files);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [takeFiles]);

  const filtered = Object.values(filter).some((v) => v !== undefined && v !== '');
  const open = (id: number) => openEvidence(id, 'evidence');
  const capturing = useCaptureStore((s) => s.open);
  const startCapture = useCaptureStore((s) => s.start);
  return (
    <div className="view view-fill">
      <div className="view-head">
        <div>
          <h1>{t('nav.evidence')}</h1>
          {total !== null && total > 0 && (
            <p className="muted view-sub" data-testid="evidence-count">
              {filtered
                ? t('evidence.countFiltered', { count: formatNumber(total, language) })
                : t('evidence.count', { count: formatNumber(total, language) })}
            </p>
          )}
        </div>
        {captureAvailable() && (
          <button type="button" className="button-secondary" onClick={() => void startCapture()}>
            {t('capture.button')}
          </button>
        )}
      </div>
      {capturing && (
        <CaptureDialog
          onCaptured={(id) => {
            useCaptureStore.getState().close();
            refresh();
            open(id);
          }}
        />
      )}
      <IntakePanel />
      <IntakeStatus onOpen={open} />
      {(filtered || (total ?? 0) > 0) && <EvidenceFilters />}
      {purged && (
        <div className="banner banner-ok" role="status" data-testid="purged-notice">
          {t('workflow.purged', { id: purged.id, sha256: purged.sha256 })}
        </div>
      )}
      <ErrorBanner error={error} />
      {total === null && !error && <LoadingState />}
      {total === 0 && !filtered && (
        <div className="empty empty-small">
          <h2>{t('evidence.emptyTitle')}</h2>
          <p className="muted">{t('evidence.emptyBody')}</p>
        </div>
      )}
      {total === 0 && filtered && <p className="muted empty-filtered">{t('evidence.noMatch')}</p>}
      {total !== null && total > 0 && <EvidenceGallery onOpen={open} />}
    </div>
  );
}

export function EvidenceView() {
  const viewing = useEvidenceViewerStore((s) => s.id);
  return viewing === null ? <EvidenceList /> : <EvidenceViewer />;
}
