import { useT } from '../../i18n';
import type { EvidenceDetail } from './evidence-viewer-store';

/** The item's PDQ hash, and each hash list of known material it is on (with the PDQ distance). */
export function KnownMaterial({ item }: { item: EvidenceDetail }) {
  const t = useT();
  return (
    <>
      {item.pdq && (
        <>
          <dt>{t('viewer.pdq')}</dt>
          <dd>
            <span className="mono small break">pdq:{item.pdq}</span>{' '}
            <span className="muted small">({t('viewer.pdqQuality', { quality: item.pdqQuality ?? 0 })})</span>
          </dd>
        </>
      )}
      {item.hashListMatches.length > 0 && (
        <>
          <dt>{t('viewer.hashLists')}</dt>
          <dd data-testid="hash-list-matches">
            <ul className="plain-list">
              {item.hashListMatches.map((m) => (
                <li key={`${m.listId}-${m.kind}`} className="hash-list-match">
                  {m.kind === 'pdq'
                    ? t('viewer.hashListNear', { list: m.listName, distance: m.distance })
                    : t('viewer.hashListExact', { list: m.listName, kind: m.kind.toUpperCase() })}
                  {m.label && <span className="muted small"> · {m.label}</span>}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </>
  );
}
