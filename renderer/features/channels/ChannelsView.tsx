import { useEffect } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { useI18n, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { openChannel } from '../search/navigate';
import { BulkBar } from './BulkBar';
import { ChannelDetailView } from './ChannelDetailView';
import { ChannelFilters } from './ChannelFilters';
import { ChannelTable } from './ChannelTable';
import { ImportDialog } from './ImportDialog';
import { useChannelDetailStore } from './channel-detail-store';
import { useChannelsStore } from './channels-store';
import { useChannelImportStore } from './import-store';
import { useVocabularyStore } from '../catalog/vocabulary-store';

function ChannelList() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { total, filter, error, ensureRange, refresh } = useChannelsStore();
  const importOpen = useChannelImportStore((s) => s.open);
  const showImport = useChannelImportStore((s) => s.show);
  const loadVocabulary = useVocabularyStore((s) => s.load);
  // Counts (evidence per channel) may have changed elsewhere: refresh what is shown, keeping the place.
  useEffect(() => {
    void loadVocabulary();
    refresh();
    ensureRange(0, 0);
  }, [loadVocabulary, refresh, ensureRange]);

  const filtered = Object.values(filter).some(Boolean);
  const open = (id: number) => openChannel(id, 'channels');
  return (
    <div className="view view-fill">
      <div className="view-head">
        <div>
          <h1>{t('nav.channels')}</h1>
          {total !== null && total > 0 && (
            <p className="muted view-sub" data-testid="channel-count">
              {filtered
                ? t('channels.countFiltered', { count: formatNumber(total, language) })
                : t('channels.count', { count: formatNumber(total, language) })}
            </p>
          )}
        </div>
        <button type="button" className="button-primary" onClick={showImport}>
          {t('channels.add')}
        </button>
      </div>
      {(filtered || (total ?? 0) > 0) && <ChannelFilters />}
      <BulkBar />
      <ErrorBanner error={error} />
      {total === null && !error && <LoadingState />}
      {total === 0 && !filtered && (
        <div className="empty">
          <h2>{t('channels.emptyTitle')}</h2>
          <p className="muted">{t('channels.emptyBody')}</p>
          <button type="button" className="button-primary" onClick={showImport}>
            {t('channels.add')}
          </button>
        </div>
      )}
      {total === 0 && filtered && <p className="muted empty-filtered">{t('channels.noMatch')}</p>}
      {total !== null && total > 0 && <ChannelTable onOpen={open} />}
      {importOpen && <ImportDialog onOpenChannel={open} />}
    </div>
  );
}

export function ChannelsView() {
  const detailId = useChannelDetailStore((s) => s.id);
  return detailId === null ? <ChannelList /> : <ChannelDetailView />;
}
