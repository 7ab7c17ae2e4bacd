import { useState } from 'react';
import { statusLabel } from '../../components/labels';
import { useI18n, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { type ChannelSummary, useChannelsStore } from './channels-store';
import { useVocabularyStore } from '../catalog/vocabulary-store';
import { TEXT_LIMITS } from '../../../electron/common/limits';

/** Shown while rows are selected: how many, and one change for all of them (a new status). */
export function BulkBar() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { selected, bulk, clearSelection, setStatusOfSelected } = useChannelsStore();
  const statuses = useVocabularyStore((s) => s.vocabulary)?.statuses ?? [];
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  if (selected.size === 0 && !done) return null;
  return (
    <div className="bulk-bar" role="region" aria-label={t('channels.bulk.label')}>
      {selected.size > 0 ? (
        <>
          <strong>{t('channels.bulk.selected', { count: formatNumber(selected.size, language) })}</strong>
          <select
            aria-label={t('channels.bulk.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            disabled={bulk !== null}
          >
            <option value="">{t('channels.bulk.chooseStatus')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(t, s)}
              </option>
            ))}
          </select>
          <input
            type="text"
            value={note}
            maxLength={TEXT_LIMITS.short}
            placeholder={t('channels.bulk.note')}
            aria-label={t('channels.bulk.note')}
            onChange={(e) => setNote(e.target.value)}
            disabled={bulk !== null}
          />
          <button
            type="button"
            className="button-primary"
            disabled={!status || bulk !== null}
            onClick={async () => {
              const count = await setStatusOfSelected(status as ChannelSummary['status'], note.trim());
              setDone(
                t('channels.bulk.done', { count: formatNumber(count, language), status: statusLabel(t, status) }),
              );
              setNote('');
            }}
          >
            {t('channels.bulk.apply')}
          </button>
          <button type="button" className="button-link" onClick={clearSelection} disabled={bulk !== null}>
            {t('channels.bulk.clear')}
          </button>
        </>
      ) : (
        <>
          <span role="status">{done}</span>
          <button type="button" className="button-link" onClick={() => setDone(null)}>
            {t('common.close')}
          </button>
        </>
      )}
      {bulk && (
        <span className="muted small" role="status">
          {t('common.progress', { done: formatNumber(bulk.done, language), total: formatNumber(bulk.total, language) })}
        </span>
      )}
    </div>
  );
}
