import { textOr, useT } from '../../i18n';

/** An item's outcome as a coloured word; no outcome yet is a grey one. */
export function OutcomeBadge({ status }: { status: string | null }) {
  const t = useT();
  const key = status ?? 'none';
  return (
    <span className={`outcome-badge outcome-${key}`} data-testid="outcome-badge">
      {textOr(t, `outcomes.status.${key}`, key)}
    </span>
  );
}
