import { useEffect, useState } from 'react';
import { evidenceImageUrl } from '../../api';
import { CopyButton } from '../../components/CopyButton';
import { DetailFallback } from '../../components/DetailFallback';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExcludeDialog } from '../../components/ExcludeDialog';
import { ExclusionBanner } from '../../components/ExclusionBanner';
import { ReappearanceBanner } from '../outcomes/ReappearanceBanner';
import { NotesEditor } from '../../components/NotesEditor';
import { TagEditor } from '../../components/TagEditor';
import { isRenderableImage, mediaKindLabel } from '../../components/labels';
import { useCodedText, useT } from '../../i18n';
import { useVocabularyStore } from '../catalog/vocabulary-store';
import { goBack } from '../search/navigate';
import { EvidenceFacts } from './EvidenceFacts';
import { RecognisedText } from './RecognisedText';
import { ViewerToolbar } from './ViewerToolbar';
import { type EvidenceDetail, useEvidenceViewerStore } from './evidence-viewer-store';
import { PurgeDialog } from './PurgeDialog';

/** The original image (fitted, or zoomed inside a scrolling frame), or, for anything that is not an image we render, a panel saying what it is. */
function Preview({ item, zoom }: { item: EvidenceDetail; zoom: number }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (!isRenderableImage(item.mediaType)) {
    return (
      <div className="preview-blocked" data-testid="not-displayed">
        <strong>{t('viewer.notDisplayed', { type: mediaKindLabel(t, item.mediaType) })}</strong>
        <span className="mono small">{item.mediaType}</span>
        <p className="muted">{t('viewer.notDisplayedHint')}</p>
      </div>
    );
  }
  if (failed) {
    return (
      <div className="preview-blocked" role="alert">
        <strong>{t('viewer.imageFailed')}</strong>
        <p className="muted">{t('viewer.imageFailedHint')}</p>
      </div>
    );
  }
  // zoom is relative to the fitted size: the panel's width, or the image's own when it is smaller
  const fitted = item.width ? `min(${item.width}px, 100%)` : '100%';
  const zoomed = zoom > 1 ? { width: `calc(${zoom} * ${fitted})`, maxWidth: 'none', maxHeight: 'none' } : undefined;
  return (
    <img
      className="preview-img"
      style={zoomed}
      src={evidenceImageUrl(item.id, 'original')}
      alt={item.originalName}
      onError={() => setFailed(true)}
      data-testid="evidence-original"
    />
  );
}

function HashRow({ label, value }: { label: string; value: string }) {
  return (
    <div className="hash-row">
      <span className="hash-label">{label}</span>
      <code className="mono hash-value">{value}</code>
      <CopyButton text={value} />
    </div>
  );
}

type Asking = 'exclude' | 'purge' | null;

export function EvidenceViewer() {
  const t = useT();
  const problemText = useCodedText();
  const { id, item, loading, saving, error, zoom, close, update, reload, exclude, restore, purge } =
    useEvidenceViewerStore();
  const [asking, setAsking] = useState<Asking>(null);
  const vocabulary = useVocabularyStore((s) => s.vocabulary);
  const loadVocabulary = useVocabularyStore((s) => s.load);
  useEffect(() => {
    void loadVocabulary();
  }, [loadVocabulary]);
  // Coming back to this page shows what changed elsewhere meanwhile (its channel, its notes).
  useEffect(() => reload(), [id, reload]);
  const back = () => goBack(close());

  if (!item) {
    return <DetailFallback loading={loading} error={error} onBack={back} />;
  }
  return (
    <div className="view" data-testid="evidence-viewer">
      <button type="button" className="button-link back-link" onClick={back}>
        ← {t('common.back')}
      </button>
      <div className="view-head">
        <div>
          <h1 className="detail-title" title={item.originalName || `#${item.id}`}>
            {item.originalName || `#${item.id}`}
          </h1>
          <div className="detail-sub">
            <span className="badge">{mediaKindLabel(t, item.mediaType)}</span>{' '}
            <span className="muted small">#{item.id}</span>
            {item.excluded && <span className="badge badge-excluded">{t('workflow.excludedBadge')}</span>}
          </div>
        </div>
        <div className="field-row">
          {!item.excluded && (
            <button type="button" className="button-secondary" disabled={saving} onClick={() => setAsking('exclude')}>
              {t('workflow.exclude')}
            </button>
          )}
          <button type="button" className="button-secondary" disabled={saving} onClick={() => setAsking('purge')}>
            {t('workflow.purge')}
          </button>
        </div>
      </div>
      {item.excluded && <ExclusionBanner excluded={item.excluded} busy={saving} onRestore={() => void restore()} />}
      <ReappearanceBanner kind="evidence" id={item.id} />
      <ViewerToolbar />
      {asking === null && <ErrorBanner error={error} />}
      {asking === 'exclude' && (
        <ExcludeDialog
          name={item.originalName || `#${item.id}`}
          busy={saving}
          error={error}
          onConfirm={exclude}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'purge' && (
        <PurgeDialog
          id={item.id}
          sha256={item.sha256}
          busy={saving}
          error={error}
          onClose={() => setAsking(null)}
          onConfirm={async () => {
            if (await purge()) back();
          }}
        />
      )}
      {item.problems.length > 0 && (
        <div className="banner banner-warn" role="note">
          <strong>{t('viewer.problems')}</strong>
          <ul className="problems">
            {item.problems.map((p, i) => (
              <li key={i}>{problemText({ key: `problem.${p.code}`, params: p.params, message: p.message })}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="viewer-grid">
        <div className={zoom > 1 ? 'viewer-preview zoomed' : 'viewer-preview'}>
          <Preview key={item.id} item={item} zoom={zoom} />
        </div>
        <div className="viewer-side">
          <EvidenceFacts item={item} />
          <RecognisedText item={item} />
          <section className="card">
            <NotesEditor
              key={`notes-${id}`}
              notes={item.notes}
              label={t('viewer.notes')}
              disabled={saving}
              onSave={(notes) => update({ notes })}
            />
            <div className="field">
              <span className="field-label">{t('viewer.tags')}</span>
              <TagEditor
                tags={item.tags}
                suggestions={vocabulary?.tags}
                label={t('viewer.tags')}
                disabled={saving}
                onChange={(tags) => void update({ tags })}
              />
            </div>
          </section>
        </div>
      </div>
      <section className="card">
        <h2>{t('viewer.hashes')}</h2>
        <HashRow label="SHA-256" value={item.sha256} />
        <HashRow label="SHA-512" value={item.sha512} />
      </section>
      {item.exif && Object.keys(item.exif).length > 0 && (
        <section className="card">
          <h2>{t('viewer.exif')}</h2>
          <table className="table table-compact exif">
            <tbody>
              {Object.entries(item.exif).map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  <td className="mono">{String(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
