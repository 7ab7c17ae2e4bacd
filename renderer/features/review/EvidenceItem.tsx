import { useId, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { formatBytes, mediaKind, mediaKindLabel } from '../../components/labels';
import { textOr, useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { EarlierComment, ItemReview, ReviewEvidence } from './review-helpers';
import { TEXT_LIMITS } from '../../../electron/common/limits';

interface Props {
  /** where the picture of an image is loaded from; null while it is not available (yet) */
  imageUrl: string | null;
  item: ReviewEvidence;
  earlier: readonly EarlierComment[];
  mark: ItemReview;
  /** false when no decision can be signed (invalid package, decision made) */
  editable: boolean;
  onMark(patch: Partial<ItemReview>): void;
}

function Preview({ imageUrl, item }: { imageUrl: string | null; item: ReviewEvidence }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  const [large, setLarge] = useState(false);
  if (item.isImage && imageUrl && !failed) {
    return (
      <button
        type="button"
        className={large ? 'review-preview large' : 'review-preview'}
        onClick={() => setLarge(!large)}
        aria-label={large ? t('review.smaller') : t('review.larger')}
      >
        <img src={imageUrl} alt={item.file} decoding="async" draggable={false} onError={() => setFailed(true)} />
      </button>
    );
  }
  return (
    <div
      className={`review-preview thumb-placeholder thumb-${mediaKind(item.mediaType)}`}
      role="img"
      aria-label={`${mediaKindLabel(t, item.mediaType)}: ${item.file}`}
    >
      <span>{mediaKindLabel(t, item.mediaType)}</span>
      <span className="small mono">{item.file.split('.').pop()?.toUpperCase()}</span>
      {failed && <span className="small">{t('review.previewFailed')}</span>}
    </div>
  );
}

/** One evidence file from the package: the picture, what the report says of it, earlier comments, and this review. */
export function EvidenceItem({ imageUrl, item, earlier, mark, editable, onMark }: Props) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const commentId = useId();
  const f = item.facts;
  const name = item.file.slice(item.file.lastIndexOf('/') + 1);
  return (
    <article
      className={`review-item${mark.verdict === 'problem' ? ' problem' : mark.verdict === 'ok' ? ' ok' : ''}`}
      data-testid="review-item"
      data-file={item.file}
    >
      <Preview imageUrl={imageUrl} item={item} />
      <div className="review-item-facts">
        <h3 className="mono review-item-name">{name}</h3>
        <dl className="facts small">
          <dt>{t('review.mediaType')}</dt>
          <dd>
            {mediaKindLabel(t, item.mediaType)} <span className="muted mono">{f?.mediaType || item.mediaType}</span>
            {f?.width && f.height ? (
              <span className="muted"> · {t('review.pixels', { width: f.width, height: f.height })}</span>
            ) : null}
            {f?.size !== null && f?.size !== undefined && (
              <span className="muted"> · {formatBytes(f.size, language)}</span>
            )}
          </dd>
          <dt>{t('review.capturedAt')}</dt>
          <dd>{f?.capturedAt ? formatDateTime(f.capturedAt, language) : t('review.notDeclared')}</dd>
          <dt>{t('review.intakeAt')}</dt>
          <dd>
            {f?.intakeAt ? formatDateTime(f.intakeAt, language) : '—'}
            {f?.takenBy && <span className="muted"> · {f.takenBy}</span>}
          </dd>
          {f?.sourceUrl && (
            <>
              <dt>{t('review.sourceUrl')}</dt>
              <dd className="mono">{f.sourceUrl}</dd>
            </>
          )}
          {f?.channelUrl && (
            <>
              <dt>{t('review.channel')}</dt>
              <dd className="mono">{f.channelUrl}</dd>
            </>
          )}
          {f?.notes && (
            <>
              <dt>{t('cases.notes')}</dt>
              <dd className="prewrap">{f.notes}</dd>
            </>
          )}
        </dl>
      </div>
      <div className="review-item-more">
        {!f && <p className="banner banner-warn small">{t('review.notInReport')}</p>}
        {f && (
          <div className="hashes">
            {(['sha256', 'sha512'] as const).map((h) => (
              <div key={h} className="hash-row">
                <span className="hash-label">{h === 'sha256' ? 'SHA-256' : 'SHA-512'}</span>
                <code className="hash-value mono">{f[h] || '—'}</code>
                {f[h] && <CopyButton text={f[h]} />}
              </div>
            ))}
          </div>
        )}
        {earlier.length > 0 && (
          <ul className="earlier-comments" data-testid="earlier-comments">
            {earlier.map((c) => (
              <li key={c.statement} className={c.verdict === 'problem' ? 'earlier problem' : 'earlier ok'}>
                <span className={c.verdict === 'problem' ? 'pill pill-bad' : 'pill pill-ok'}>
                  {c.verdict === 'problem' ? t('review.item.problem') : t('review.item.ok')}
                </span>{' '}
                <strong>{c.signer}</strong>{' '}
                <span className="muted small">
                  {textOr(t, `review.decision.${c.decision}`, c.decision)} · {formatDateTime(c.signedAt, language)}
                </span>
                {c.comment && <div className="prewrap">{c.comment}</div>}
              </li>
            ))}
          </ul>
        )}
        {editable && (
          <fieldset className="item-review">
            <legend>{t('review.item.legend')}</legend>
            <div className="field-row">
              {(['ok', 'problem'] as const).map((v) => (
                <label key={v} className={mark.verdict === v ? `choice on verdict-${v}` : 'choice'}>
                  <input
                    type="radio"
                    name={`verdict-${item.file}`}
                    value={v}
                    checked={mark.verdict === v}
                    onChange={() => onMark({ verdict: v })}
                  />
                  {v === 'ok' ? t('review.item.ok') : t('review.item.problem')}
                </label>
              ))}
              {mark.verdict !== null && (
                <button type="button" className="button-link small" onClick={() => onMark({ verdict: null })}>
                  {t('review.item.clear')}
                </button>
              )}
            </div>
            <label htmlFor={commentId} className="sr-only">
              {t('review.item.comment')}
            </label>
            <textarea
              id={commentId}
              rows={2}
              maxLength={TEXT_LIMITS.comment}
              value={mark.comment}
              placeholder={mark.verdict === 'problem' ? t('review.item.problemPlaceholder') : t('review.item.comment')}
              onChange={(e) => onMark({ comment: e.target.value })}
            />
            {mark.verdict === null && mark.comment.trim() !== '' && (
              <p className="field-error-inline">{t('review.item.needVerdict')}</p>
            )}
          </fieldset>
        )}
      </div>
    </article>
  );
}
