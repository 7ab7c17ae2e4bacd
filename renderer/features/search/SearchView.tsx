import { useEffect } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LoadingState } from '../../components/LoadingState';
import { categoryLabel, platformLabel, statusLabel } from '../../components/labels';
import { textOr, useT } from '../../i18n';
import { useVocabularyStore } from '../catalog/vocabulary-store';
import { openCase, openChannel, openEvidence } from './navigate';
import { type SearchHit, useSearchStore } from './search-store';
import { splitSnippet } from './snippet';

export function Snippet({ text }: { text: string }) {
  return (
    <span className="snippet">
      {splitSnippet(text).map((part, i) =>
        part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </span>
  );
}

function openHit(hit: SearchHit) {
  if (hit.kind === 'channel') openChannel(hit.id, 'search');
  else if (hit.kind === 'evidence') openEvidence(hit.id, 'search');
  else openCase(hit.id);
}

export function SearchView() {
  const t = useT();
  const { query, filter, hits, loading, error, setFilter, hide } = useSearchStore();
  const vocabulary = useVocabularyStore((s) => s.vocabulary);
  const loadVocabulary = useVocabularyStore((s) => s.load);
  useEffect(() => {
    void loadVocabulary();
  }, [loadVocabulary]);

  const select = (
    key: keyof typeof filter,
    label: string,
    all: string,
    options: string[],
    show: (v: string) => string = (v) => v,
  ) => (
    <select aria-label={label} value={filter[key] ?? ''} onChange={(e) => void setFilter({ [key]: e.target.value })}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {show(o)}
        </option>
      ))}
    </select>
  );

  return (
    <div className="view" data-testid="search-results">
      <button type="button" className="button-link back-link" onClick={hide}>
        ← {t('search.close')}
      </button>
      <div className="view-head">
        <h1>{t('search.title', { query })}</h1>
      </div>
      <div className="filters" role="group" aria-label={t('filters.label')}>
        {select('platform', t('filters.platform'), t('filters.allPlatforms'), vocabulary?.platforms ?? [], (p) =>
          platformLabel(t, p),
        )}
        {select('status', t('filters.status'), t('filters.allStatuses'), vocabulary?.statuses ?? [], (s) =>
          statusLabel(t, s),
        )}
        {select(
          'category',
          t('filters.category'),
          t('filters.allCategories'),
          [...(vocabulary?.categories ?? []), ...(vocabulary?.categoriesInUse ?? [])],
          (c) => categoryLabel(t, c),
        )}
        {select('tag', t('filters.tag'), t('filters.allTags'), vocabulary?.tags ?? [])}
      </div>
      {Object.values(filter).some(Boolean) && <p className="muted small">{t('search.filterNote')}</p>}
      <ErrorBanner error={error} />
      {loading && hits === null && <LoadingState />}
      {hits !== null && hits.length === 0 && !loading && !error && (
        <div className="empty empty-small">
          <h2>{t('search.noneTitle')}</h2>
          <p className="muted">{t('search.noneBody')}</p>
        </div>
      )}
      {hits !== null && hits.length > 0 && (
        <ol className="hits" aria-busy={loading}>
          {hits.map((hit) => (
            <li key={`${hit.kind}-${hit.id}`}>
              <button type="button" className="hit" onClick={() => openHit(hit)}>
                <span className={`hit-kind kind-${hit.kind}`}>{textOr(t, `search.kind.${hit.kind}`, hit.kind)}</span>
                <span className="hit-body">
                  <span className="hit-title">{hit.title || `#${hit.id}`}</span>
                  <Snippet text={hit.snippet} />
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {hits !== null && hits.length >= 100 && <p className="muted small">{t('search.limited')}</p>}
    </div>
  );
}
