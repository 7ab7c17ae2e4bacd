import { useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { ChainCheck } from './activity-store';

/** The chain check in words: the recomputed chain first, then the heads vault.json recorded at locks. */
export function ChainCheckResult({ check }: { check: ChainCheck }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const lines: string[] = [];
  if (check.firstBad) lines.push(t('activity.chainBroken', { seq: check.firstBad.seq, reason: check.firstBad.reason }));
  else {
    if (check.ok) lines.push(t('activity.chainOk', { count: check.entries }));
    if (check.anchor.ok) lines.push(t('security.chain.anchorOk', { seq: check.anchor.anchor.seq }));
    else
      lines.push(t('security.chain.anchorBroken', { seq: check.anchor.anchor.seq, reason: check.anchor.reason ?? '' }));
    const found = check.brokenAnchor;
    if (found)
      lines.push(
        t('security.chain.anchorFound', {
          seq: found.seq,
          when: formatDateTime(found.foundAt, language),
          reason: found.reason,
        }),
      );
  }
  return (
    <div className={check.ok ? 'banner banner-ok' : 'banner banner-error'} role="status" data-testid="chain-result">
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
      <div className="mono small">{check.ok ? `${t('activity.head')}: ${check.head}` : ''}</div>
    </div>
  );
}
