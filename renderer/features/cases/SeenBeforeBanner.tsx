import { useT } from '../../i18n';
import { openCase } from './navigate';
import type { CaseDetail } from './cases-store';

/** "Seen before": the case's items that earlier exported cases already carried, each with a link to that case. */
export function SeenBeforeBanner({ kase }: { kase: CaseDetail }) {
  const t = useT();
  if (kase.seenBefore.length === 0) return null;
  return (
    <div className="banner banner-warn" role="status" data-testid="seen-before">
      <strong>{t('cases.seenBefore.title')}</strong>
      <ul className="plain-list">
        {kase.seenBefore.map((s) => (
          <li key={`${s.kind}-${s.itemId}-${s.caseId}`}>
            {t(s.kind === 'channel' ? 'cases.seenBefore.channel' : 'cases.seenBefore.evidence', { id: s.itemId })}{' '}
            <button type="button" className="button-link" onClick={() => openCase(s.caseId)}>
              {s.reference}
            </button>{' '}
            <span className="muted small">({t(`cases.status.${s.status}`)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
