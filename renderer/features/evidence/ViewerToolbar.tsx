import { useEffect } from 'react';
import { isRenderableImage } from '../../components/labels';
import { useT } from '../../i18n';
import { useEvidenceStore } from './evidence-store';
import { ZOOM_STEPS, galleryPosition, useEvidenceViewerStore } from './evidence-viewer-store';

/** Keys typed into a field are the field's: arrows move the caret there, not the viewer. */
function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Previous and next (in the gallery's order and filter), zoom, and "export original". */
export function ViewerToolbar() {
  const t = useT();
  const { id, item, zoom, exported, setZoom, step, exportOriginal } = useEvidenceViewerStore();
  // the gallery's pages decide where this item stands; re-render when they change
  useEvidenceStore((s) => s.pages);
  const position = galleryPosition(id);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowLeft') void step(-1);
      if (e.key === 'ArrowRight') void step(1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  const larger = ZOOM_STEPS.find((z) => z > zoom);
  const smaller = [...ZOOM_STEPS].reverse().find((z) => z < zoom);
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer.toolbar')} data-testid="viewer-toolbar">
      {position && (
        <div className="toolbar-group">
          <button
            type="button"
            className="button-secondary"
            onClick={() => void step(-1)}
            disabled={position.index === 0}
            aria-keyshortcuts="ArrowLeft"
          >
            ← {t('viewer.previous')}
          </button>
          <span className="muted small" data-testid="viewer-position">
            {t('viewer.position', { index: position.index + 1, total: position.total })}
          </span>
          <button
            type="button"
            className="button-secondary"
            onClick={() => void step(1)}
            disabled={position.index + 1 >= position.total}
            aria-keyshortcuts="ArrowRight"
          >
            {t('viewer.next')} →
          </button>
        </div>
      )}
      {item && isRenderableImage(item.mediaType) && (
        <div className="toolbar-group" role="group" aria-label={t('viewer.zoom')}>
          <button
            type="button"
            className="button-ghost"
            onClick={() => smaller && setZoom(smaller)}
            disabled={!smaller}
            aria-label={t('viewer.zoomOut')}
          >
            −
          </button>
          <button
            type="button"
            className="button-ghost"
            onClick={() => setZoom(1)}
            aria-pressed={zoom === 1}
            data-testid="zoom-level"
          >
            {zoom === 1 ? t('viewer.zoomFit') : `${Math.round(zoom * 100)}%`}
          </button>
          <button
            type="button"
            className="button-ghost"
            onClick={() => larger && setZoom(larger)}
            disabled={!larger}
            aria-label={t('viewer.zoomIn')}
          >
            +
          </button>
        </div>
      )}
      <div className="toolbar-group">
        <button type="button" className="button-secondary" onClick={() => void exportOriginal()}>
          {t('viewer.exportOriginal')}
        </button>
        {exported && (
          <span className="muted small" role="status">
            {exported === 'download' ? t('viewer.downloaded') : t('viewer.exportedTo', { path: exported })}
          </span>
        )}
      </div>
    </div>
  );
}
