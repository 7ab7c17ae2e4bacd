import { useEffect } from 'react';
import { type MessageKey, useT } from '../../i18n';
import { openCase } from '../search/navigate';
import './outcomes.css';
import { flagsFor, useReappearanceStore } from './reappearance-store';

/**
 * On a channel's or evidence item's page: it matches something already taken down, how, and in
 * which case (a link to it). Nothing when it matches nothing.
 */
export function ReappearanceBanner({ kind, id }: { kind: 'channel' | 'evidence'; id: number }) {
  const t = useT();
  const load = useReappearanceStore((s) => s.load);
  const flags = useReappearanceStore((s) => flagsFor(s, kind, id));
  useEffect(() => {
    void load(kind, id);
  }, [kind, id, load]);
  if (flags.length === 0) return null;
  return (
    <div className="banner banner-reappeared" role="status" data-testid="reappeared-banner">
      <div>
        <strong>{t('outcomes.reappeared.title')}</strong>
        <ul>
          {flags.map((f) => (
            <li key={f.id}>
              {t(kind === 'channel' ? 'outcomes.reappeared.channel' : 'outcomes.reappeared.evidence', {
                reference: f.earlierCase.reference,
                match: t(`outcomes.match.${f.match}` as MessageKey, { distance: f.distance ?? '' }),
              })}{' '}
              <button type="button" className="button-link" onClick={() => openCase(f.earlierCase.id)}>
                {t('outcomes.reappeared.openCase', { reference: f.earlierCase.reference })}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
