import { useT } from '../i18n';
import { statusLabel } from './labels';

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`status status-${status}`}>{statusLabel(t, status)}</span>;
}
