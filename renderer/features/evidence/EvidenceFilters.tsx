import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useVocabularyStore } from '../catalog/vocabulary-store';
import { useEvidenceStore } from './evidence-store';

const MEDIA_TYPES: Array<{
  value: string;
  key:
    'media.png' | 'media.jpeg' | 'media.webp' | 'media.gif' | 'media.mp4' | 'media.webm' | 'media.pdf' | 'media.octet';
}> = [
  { value: 'image/png', key: 'media.png' },
  { value: 'image/jpeg', key: 'media.jpeg' },
  { value: 'image/webp', key: 'media.webp' },
  { value: 'image/gif', key: 'media.gif' },
  { value: 'video/mp4', key: 'media.mp4' },
  { value: 'video/webm', key: 'media.webm' },
  { value: 'application/pdf', key: 'media.pdf' },
  { value: 'application/octet-stream', key: 'media.octet' },
];

export function EvidenceFilters() {
  const t = useT();
  const { filter, channelName, setFilter, clearFilter } = useEvidenceStore();
  const tags = useVocabularyStore((s) => s.vocabulary)?.tags ?? [];
  const [text, setText] = useState(filter.text ?? '');

  useEffect(() => {
    if ((filter.text ?? '') === text.trim()) return;
    const timer = setTimeout(() => setFilter({ text: text.trim() }), 250);
    return () => clearTimeout(timer);
  }, [text, filter.text, setFilter]);

  const any = Object.values(filter).some((v) => v !== undefined && v !== '') || text.trim() !== '';
  return (
    <div className="filters" role="search" aria-label={t('filters.label')}>
      <input
        type="search"
        className="filter-text"
        value={text}
        placeholder={t('evidence.filterText')}
        aria-label={t('evidence.filterText')}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
      />
      <select
        aria-label={t('filters.mediaType')}
        value={filter.mediaType ?? ''}
        onChange={(e) => setFilter({ mediaType: e.target.value })}
      >
        <option value="">{t('filters.allMediaTypes')}</option>
        {MEDIA_TYPES.map((m) => (
          <option key={m.value} value={m.value}>
            {t(m.key)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filters.tag')}
        value={filter.tag ?? ''}
        onChange={(e) => setFilter({ tag: e.target.value })}
        disabled={tags.length === 0}
      >
        <option value="">{t('filters.allTags')}</option>
        {tags.map((tag) => (
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
      <label className="filter-check">
        <input
          type="checkbox"
          checked={filter.onHashList === true}
          onChange={(e) => setFilter({ onHashList: e.target.checked || undefined })}
          data-testid="only-hash-list"
        />
        {t('evidence.onlyHashList')}
      </label>
      {filter.channelId !== undefined && (
        <span className="filter-chip">
          {t('evidence.ofChannel', { name: channelName ?? `#${filter.channelId}` })}
          <button
            type="button"
            className="tag-remove"
            aria-label={t('evidence.allChannels')}
            onClick={() => setFilter({ channelId: undefined })}
          >
            ×
          </button>
        </span>
      )}
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
