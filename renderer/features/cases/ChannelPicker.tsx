import { useId } from 'react';
import { platformLabel } from '../../components/labels';
import { useT } from '../../i18n';
import { PICKER_LIMIT, usePickerStore } from './picker-store';

/** Channels to put in the case: a text filter over the catalog and a checkbox per channel. */
export function ChannelPicker() {
  const t = useT();
  const filterId = useId();
  const { channelText, channelRows, channelTotal, picked, existingChannels, searchChannels, toggleChannel } =
    usePickerStore();
  const pickedIds = new Set(picked.map((c) => c.id));
  const hiddenPicked = picked.filter((p) => !channelRows.some((r) => r.id === p.id));
  return (
    <fieldset className="picker" data-testid="channel-picker">
      <legend>{t('cases.pick.channels')}</legend>
      <label htmlFor={filterId} className="sr-only">
        {t('cases.pick.channelFilter')}
      </label>
      <input
        id={filterId}
        type="search"
        className="picker-filter"
        placeholder={t('cases.pick.channelFilter')}
        value={channelText}
        maxLength={200}
        onChange={(e) => void searchChannels(e.target.value)}
      />
      {hiddenPicked.length > 0 && (
        <ul className="picked-chips">
          {hiddenPicked.map((c) => (
            <li key={c.id} className="tag">
              <span>{c.title || c.canonicalUrl}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('cases.pick.unpick', { name: c.title || c.canonicalUrl })}
                onClick={() => void toggleChannel(c)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {channelTotal === 0 && (
        <p className="muted small">{channelText ? t('cases.pick.noChannelMatch') : t('cases.pick.noChannels')}</p>
      )}
      <ul className="pick-list">
        {channelRows.map((c) => {
          const existing = existingChannels.has(c.id);
          return (
            <li key={c.id}>
              <label className={existing ? 'pick-row existing' : 'pick-row'}>
                <input
                  type="checkbox"
                  checked={existing || pickedIds.has(c.id)}
                  disabled={existing}
                  onChange={() => void toggleChannel(c)}
                />
                <span className="pick-main">
                  <span className="pick-title">{c.title || c.canonicalUrl}</span>
                  <span className="muted small mono pick-url">{c.canonicalUrl}</span>
                </span>
                <span className="pick-meta muted small">
                  {platformLabel(t, c.platform)} · {t('cases.pick.evidenceCount', { count: c.evidenceCount })}
                  {existing && <> · {t('cases.pick.alreadyIn')}</>}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {channelTotal !== null && channelTotal > PICKER_LIMIT && (
        <p className="muted small">{t('cases.pick.more', { shown: PICKER_LIMIT, total: channelTotal })}</p>
      )}
    </fieldset>
  );
}
