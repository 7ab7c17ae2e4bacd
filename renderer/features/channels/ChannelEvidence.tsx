import { EvidenceThumb } from '../../components/EvidenceThumb';
import { LoadingState } from '../../components/LoadingState';
import { formatDate } from '../../components/labels';
import { useI18n, useT } from '../../i18n';
import type { EvidenceSummary } from './channel-detail-store';

interface Props {
  items: EvidenceSummary[];
  total: number;
  loading: boolean;
  onOpen(id: number): void;
  onShowAll(): void;
}

/** The channel's evidence as thumbnails; the rest (past the first page) is one click away in Evidence. */
export function ChannelEvidence({ items, total, loading, onOpen, onShowAll }: Props) {
  const t = useT();
  const language = useI18n((s) => s.language);
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('channel.evidence', { count: total })}</h2>
        {total > 0 && (
          <button type="button" className="button-link" onClick={onShowAll}>
            {t('channel.evidenceAll')}
          </button>
        )}
      </div>
      {loading && items.length === 0 && <LoadingState />}
      {!loading && items.length === 0 && <p className="muted">{t('channel.evidenceNone')}</p>}
      <ul className="thumb-grid">
        {items.map((e) => (
          <li key={e.id}>
            <button type="button" className="thumb-tile" onClick={() => onOpen(e.id)} title={e.originalName}>
              <EvidenceThumb id={e.id} hasThumbnail={e.hasThumbnail} mediaType={e.mediaType} alt={e.originalName} />
              <span className="thumb-name" title={e.originalName || `#${e.id}`}>
                {e.originalName || `#${e.id}`}
              </span>
              <span className="thumb-meta muted">{formatDate(e.capturedAt ?? e.intakeAt, language)}</span>
              {e.onHashList && <span className="hash-list-match small">{t('evidence.onHashList')}</span>}
            </button>
          </li>
        ))}
      </ul>
      {total > items.length && (
        <p className="muted small">{t('channel.evidenceMore', { shown: items.length, total })}</p>
      )}
    </section>
  );
}
