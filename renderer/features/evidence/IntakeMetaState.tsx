import { platformLabel } from '../../components/labels';
import { textOr, useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { type SourcePreview, hasMeta, useIntakeStore } from './intake-store';

/** What the typed source link is: its channel (known or to be added) and, for a post link, the post. */
export function SourcePreviewLine({ preview }: { preview: SourcePreview }) {
  const t = useT();
  if (!preview.ok) {
    return (
      <span className="field-error-inline" role="status">
        {textOr(t, `linkError.${preview.code}`, preview.reason)}
      </span>
    );
  }
  const channel = preview.canonicalUrl.replace(/^https?:\/\//, '');
  return (
    <span className="source-preview muted small" role="status" data-testid="source-preview">
      <span className="badge">{platformLabel(t, preview.platform)}</span>
      <span className="truncate mono" title={preview.canonicalUrl}>
        {t('intake.sourceChannel', { channel })}
      </span>
      {preview.post && <span className="badge">{t('intake.sourcePost', { id: preview.post.id })}</span>}
      <span>· {preview.existingId !== null ? t('intake.sourceKnown') : t('intake.sourceNew')}</span>
    </span>
  );
}

/** The shared details waiting for the next files, always in sight (the form folds away), with a way to clear them. */
export function PendingMeta() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { meta, phase, clearMeta } = useIntakeStore();
  if (!hasMeta(meta) || phase === 'running' || phase === 'preparing') return null;
  const parts = [
    meta.sourceUrl.trim() && t('intake.pendingSource', { value: meta.sourceUrl.trim() }),
    meta.capturedAt && t('intake.pendingTime', { value: formatDateTime(meta.capturedAt, language) }),
    meta.tags.length > 0 && t('intake.pendingTags', { value: meta.tags.join(', ') }),
    meta.notes.trim() && t('intake.pendingNotes'),
  ].filter((p): p is string => Boolean(p));
  return (
    <div className="intake-pending" role="status" data-testid="intake-pending">
      <strong>{t('intake.pendingTitle')}:</strong>
      <ul>
        {parts.map((p) => (
          <li key={p} className="truncate" title={p}>
            {p}
          </li>
        ))}
      </ul>
      <button type="button" className="button-ghost small" onClick={clearMeta}>
        {t('intake.clearMeta')}
      </button>
    </div>
  );
}
