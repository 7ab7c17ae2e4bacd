import type { ImportRow } from './import-store';

export type RowState = ImportRow['state'];
export const ROW_STATES: readonly RowState[] = ['new', 'existing', 'repeated', 'invalid'];

/** For each canonical key, the line where it first appears, so a repeat can name the line it repeats. */
export function firstLineByKey(rows: readonly ImportRow[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const row of rows)
    if (row.key && row.state !== 'repeated' && row.state !== 'invalid' && !first.has(row.key))
      first.set(row.key, row.line);
  return first;
}

/** The rows to show for a state filter, the ones needing attention first, at most `limit`. */
export function visibleRows(rows: readonly ImportRow[], state: RowState | 'all', limit: number): ImportRow[] {
  const order: Record<RowState, number> = { invalid: 0, repeated: 1, existing: 2, new: 3 };
  const picked =
    state === 'all'
      ? [...rows].sort((a, b) => order[a.state] - order[b.state] || a.line - b.line)
      : rows.filter((r) => r.state === state);
  return picked.slice(0, limit);
}

/**
 * The machine-readable reason of an unusable row when the core sends one (a link error code such
 * as "unsupported-scheme"), so it can be shown in the user's language; null when it does not.
 */
export function reasonCode(row: ImportRow): string | null {
  const code = (row as ImportRow & { code?: unknown }).code;
  return typeof code === 'string' && code ? code : null;
}
