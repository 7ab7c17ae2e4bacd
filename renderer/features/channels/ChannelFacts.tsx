import { useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { formatDate, kindLabel, platformLabel } from '../../components/labels';
import { useI18n, useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { displayHandle } from '../../../electron/common/handle';
import type { ChannelDetail } from './channel-detail-store';

interface Props {
  channel: ChannelDetail;
  saving: boolean;
  onSaveSubscribers(count: number | null): Promise<boolean>;
}

/** What the channel is: platform, kind, canonical link, the links as entered, when it was seen. */
export function ChannelFacts({ channel, saving, onSaveSubscribers }: Props) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const [subscribers, setSubscribers] = useState(
    channel.subscriberCount === null ? '' : String(channel.subscriberCount),
  );
  const parsed =
    subscribers.trim() === '' ? null : /^\d{1,12}$/.test(subscribers.trim()) ? Number(subscribers.trim()) : NaN;
  return (
    <section className="card">
      <h2>{t('channel.identity')}</h2>
      <dl className="facts">
        <dt>{t('channel.platform')}</dt>
        <dd>{platformLabel(t, channel.platform)}</dd>
        <dt>{t('channel.kind')}</dt>
        <dd>{kindLabel(t, channel.kind)}</dd>
        <dt>{t('channel.canonicalUrl')}</dt>
        <dd className="fact-with-action">
          <span className="mono" data-testid="canonical-url">
            {channel.canonicalUrl}
          </span>
          <CopyButton text={channel.canonicalUrl} />
        </dd>
        {channel.handle && (
          <>
            <dt>{t('channel.handle')}</dt>
            <dd className="mono">{displayHandle(channel.handle)}</dd>
          </>
        )}
        <dt>{t('channel.firstSeen')}</dt>
        <dd>{formatDateTime(channel.firstSeen, language)}</dd>
        <dt>{t('channel.lastSeen')}</dt>
        <dd>{formatDateTime(channel.lastSeen, language)}</dd>
        <dt>{t('channel.subscribers')}</dt>
        <dd>
          {channel.subscriberCount === null ? (
            <span className="muted">{t('channel.subscribersUnknown')}</span>
          ) : (
            <>
              {formatNumber(channel.subscriberCount, language)}{' '}
              <span className="muted small">
                {t('channel.subscribersSeen', { date: formatDate(channel.subscriberSeenAt, language) })}
              </span>
            </>
          )}
          <div className="field-row subscriber-edit">
            <input
              inputMode="numeric"
              value={subscribers}
              aria-label={t('channel.subscribersNew')}
              placeholder={t('channel.subscribersNew')}
              onChange={(e) => setSubscribers(e.target.value)}
            />
            <button
              type="button"
              className="button-secondary"
              disabled={saving || Number.isNaN(parsed) || parsed === channel.subscriberCount}
              onClick={() => void onSaveSubscribers(Number.isNaN(parsed) ? null : parsed)}
            >
              {t('common.save')}
            </button>
          </div>
          {Number.isNaN(parsed) && <div className="field-error-inline">{t('channel.subscribersInvalid')}</div>}
        </dd>
      </dl>
      <h3>{t('channel.urls', { count: channel.urls.length })}</h3>
      <ul className="url-list">
        {channel.urls.map((u) => (
          <li key={`${u.url}-${u.addedAt}`}>
            <span className="mono">{u.url}</span> <span className="muted small">{formatDate(u.addedAt, language)}</span>
            {u.postId && <span className="badge">{t('channel.post', { id: u.postId })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
