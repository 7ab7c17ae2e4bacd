import { useEffect, useState } from 'react';
import { platformLabel, statusLabel } from '../../components/labels';
import { useT } from '../../i18n';
import { CategorySelect } from './CategorySelect';
import { useChannelsStore } from './channels-store';
import { useVocabularyStore } from '../catalog/vocabulary-store';

/** Free text (searched as the user types, after a pause) and one select per vocabulary. */
export function ChannelFilters() {
  const t = useT();
  const { filter, setFilter, clearFilter } = useChannelsStore();
  const vocabulary = useVocabularyStore((s) => s.vocabulary);
  const [text, setText] = useState(filter.text ?? '');

  useEffect(() => {
    if ((filter.text ?? '') === text.trim()) return;
    const timer = setTimeout(() => setFilter({ text: text.trim() }), 250);
    return () => clearTimeout(timer);
  }, [text, filter.text, setFilter]);

  const any = Object.values(filter).some(Boolean) || text.trim() !== '';
  return (
    <div className="filters" role="search" aria-label={t('filters.label')}>
      <input
        type="search"
        className="filter-text"
        value={text}
        placeholder={t('channels.filterText')}
        aria-label={t('channels.filterText')}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
      />
      <select
        aria-label={t('filters.platform')}
        value={filter.platform ?? ''}
        onChange={(e) => setFilter({ platform: e.target.value })}
      >
        <option value="">{t('filters.allPlatforms')}</option>
        {vocabulary?.platforms.map((p) => (
          <option key={p} value={p}>
            {platformLabel(t, p)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filters.status')}
        value={filter.status ?? ''}
        onChange={(e) => setFilter({ status: e.target.value })}
      >
        <option value="">{t('filters.allStatuses')}</option>
        {vocabulary?.statuses.map((s) => (
          <option key={s} value={s}>
            {statusLabel(t, s)}
          </option>
        ))}
      </select>
      <CategorySelect
        ariaLabel={t('filters.category')}
        value={filter.category ?? ''}
        emptyLabel={t('filters.allCategories')}
        withValuesInUse
        onChange={(category) => setFilter({ category })}
      />
      <select
        aria-label={t('filters.tag')}
        value={filter.tag ?? ''}
        onChange={(e) => setFilter({ tag: e.target.value })}
        disabled={!vocabulary?.tags.length}
      >
        <option value="">{t('filters.allTags')}</option>
        {vocabulary?.tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={filter.excluded === 'only'}
          onChange={(e) => setFilter({ excluded: e.target.checked ? 'only' : undefined })}
          data-testid="show-excluded"
        />
        {t('workflow.showExcluded')}
      </label>
      {any && (
        <button
          type="button"
          className="button-link"
          onClick={() => {
            setText('');
            clearFilter();
          }}
        >
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}
