import { useId } from 'react';
import { displayHandle } from '../../../electron/common/handle';
import { ErrorBanner } from '../../components/ErrorBanner';
import { platformLabel } from '../../components/labels';
import { useT } from '../../i18n';
import { CHANNEL_CHOICES, type ChannelChoice, useChannelLinkStore } from './channel-link-store';

export function channelName(c: Pick<ChannelChoice, 'title' | 'handle' | 'canonicalUrl'>): string {
  return c.title || (c.handle ? displayHandle(c.handle) : c.canonicalUrl);
}

/** A searchable list of the catalog's channels; picking one links the item to it. */
export function ChannelLinkPicker({ disabled, onPick }: { disabled: boolean; onPick(channel: ChannelChoice): void }) {
  const t = useT();
  const searchId = useId();
  const { text, rows, total, error, search, close } = useChannelLinkStore();
  return (
    <div className="channel-link-picker" data-testid="channel-link-picker">
      <label htmlFor={searchId} className="sr-only">
        {t('viewer.channelSearch')}
      </label>
      <div className="field-row">
        <input
          id={searchId}
          type="search"
          value={text}
          maxLength={200}
          placeholder={t('viewer.channelSearch')}
          autoFocus
          onChange={(e) => void search(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && close()}
        />
        <button type="button" className="button-ghost" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorBanner error={error} />
      {total === 0 && <p className="muted small">{t('viewer.channelNoMatch')}</p>}
      {rows.length > 0 && (
        <ul>
          {rows.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                disabled={disabled}
                aria-label={t('viewer.channelPick', { name: channelName(c) })}
                onClick={() => onPick(c)}
              >
                <span className="truncate" title={channelName(c)}>
                  {channelName(c)}
                </span>
                <span className="muted small truncate mono">
                  {platformLabel(t, c.platform)} · {c.canonicalUrl}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {total !== null && total > CHANNEL_CHOICES && (
        <p className="muted small">{t('viewer.channelMore', { shown: CHANNEL_CHOICES, total })}</p>
      )}
    </div>
  );
}
