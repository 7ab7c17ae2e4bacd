import { formatBytes } from '../../components/labels';
import { useEffect } from 'react';
import { textOr, useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { openChannel, openEvidence } from '../search/navigate';
import { ChannelLinkPicker } from './ChannelLinkPicker';
import { useChannelLinkStore } from './channel-link-store';
import { type EvidenceDetail, useEvidenceViewerStore } from './evidence-viewer-store';
import { KnownMaterial } from './KnownMaterial';
import { SourceLinkEditor } from './SourceLinkEditor';

/** What is known about the item: file, size, pixels, when it was captured and taken in, where from. */
export function EvidenceFacts({ item }: { item: EvidenceDetail }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { update, saving } = useEvidenceViewerStore();
  const picking = useChannelLinkStore((s) => s.open);
  const startPicking = useChannelLinkStore((s) => s.start);
  const stopPicking = useChannelLinkStore((s) => s.close);
  // the picker belongs to this item: another item (previous/next) starts without it
  useEffect(() => () => stopPicking(), [item.id, stopPicking]);
  return (
    <section className="card">
      <h2>{t('viewer.details')}</h2>
      <dl className="facts">
        <dt>{t('viewer.originalName')}</dt>
        <dd>{item.originalName || '—'}</dd>
        <dt>{t('viewer.size')}</dt>
        <dd>
          {formatBytes(item.size, language)}{' '}
          <span className="muted small">({t('viewer.bytes', { count: item.size })})</span>
        </dd>
        <dt>{t('viewer.mediaType')}</dt>
        <dd className="mono">{item.mediaType}</dd>
        {item.width !== null && item.height !== null && (
          <>
            <dt>{t('viewer.pixels')}</dt>
            <dd>{t('viewer.pixelSize', { width: item.width, height: item.height })}</dd>
          </>
        )}
        <dt>{t('viewer.capturedAt')}</dt>
        <dd>
          {item.capturedAt ? formatDateTime(item.capturedAt, language) : t('viewer.unknown')}
          {item.capturedAtSource && (
            <span className="muted small">
              {' '}
              · {textOr(t, `captureSource.${item.capturedAtSource}`, item.capturedAtSource)}
            </span>
          )}
        </dd>
        <dt>{t('viewer.intakeAt')}</dt>
        <dd>{formatDateTime(item.intakeAt, language)}</dd>
        <dt>{t('viewer.takenBy')}</dt>
        <dd>{item.takenBy}</dd>
        <dt>{t('viewer.channel')}</dt>
        <dd>
          <div className="fact-with-action">
            {item.channelId !== null ? (
              <button
                type="button"
                className="button-link truncate"
                title={item.channelTitle || item.channelUrl || ''}
                onClick={() => openChannel(item.channelId!, 'evidence')}
              >
                {item.channelTitle || item.channelUrl || `#${item.channelId}`}
              </button>
            ) : (
              <span className="muted">{t('viewer.noChannel')}</span>
            )}
            {!picking && (
              <button type="button" className="button-ghost small" onClick={startPicking}>
                {item.channelId !== null ? t('viewer.changeChannel') : t('viewer.pickChannel')}
              </button>
            )}
          </div>
          {picking && (
            <ChannelLinkPicker
              disabled={saving}
              onPick={(c) => void update({ channelId: c.id }).then((ok) => ok && stopPicking())}
            />
          )}
        </dd>
        <dt>{t('viewer.sourceUrl')}</dt>
        <SourceLinkEditor key={item.id} sourceUrl={item.sourceUrl} />
        {item.postUrl && item.postUrl !== item.sourceUrl && (
          <>
            <dt>{t('viewer.postUrl')}</dt>
            <dd className="mono">{item.postUrl}</dd>
          </>
        )}
        {item.nearDuplicateOf !== null && (
          <>
            <dt>{t('viewer.nearDuplicate')}</dt>
            <dd>
              <button
                type="button"
                className="button-link"
                onClick={() => openEvidence(item.nearDuplicateOf!, 'evidence')}
              >
                {t('viewer.looksLike', { id: item.nearDuplicateOf })}
              </button>
            </dd>
          </>
        )}
        <KnownMaterial item={item} />
      </dl>
    </section>
  );
}
