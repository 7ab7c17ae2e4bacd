import { useEffect } from 'react';
import { msUntilNextDue } from './case-helpers';

/** Longest single wait: setTimeout cannot hold more than about 24.8 days. */
const MAX_WAIT = 2 ** 31 - 1;

/** Asks the core again just after the next open case falls due, so "overdue" appears without a reload. */
export function useDueRefresh(
  cases: ReadonlyArray<{ dueAt: string; open: boolean; overdue: boolean }> | null,
  reload: () => void,
): void {
  useEffect(() => {
    if (!cases) return;
    const wait = msUntilNextDue(cases, new Date());
    if (wait === null) return;
    const timer = setTimeout(reload, Math.min(wait + 1000, MAX_WAIT));
    return () => clearTimeout(timer);
  }, [cases, reload]);
}
