/**
 * Multi-select by id (ids survive re-sorting and new pages; indices do not). A shift-click sets
 * every row between the anchor and the clicked row to the clicked row's new state.
 */
export function toggled(selected: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export function withRange(selected: ReadonlySet<number>, ids: readonly number[], select: boolean): Set<number> {
  const next = new Set(selected);
  for (const id of ids) {
    if (select) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** The inclusive index range between the anchor and the clicked row, in ascending order. */
export function rangeBetween(anchor: number | null, index: number): [number, number] {
  if (anchor === null) return [index, index];
  return anchor <= index ? [anchor, index] : [index, anchor];
}

/** Where the focus row goes for a navigation key, or null when the key does not move it. */
export function nextActive(key: string, active: number, total: number, pageRows: number): number | null {
  if (total === 0) return null;
  const clamp = (n: number) => Math.max(0, Math.min(total - 1, n));
  switch (key) {
    case 'ArrowDown':
      return clamp(active + 1);
    case 'ArrowUp':
      return clamp(active - 1);
    case 'PageDown':
      return clamp(active + pageRows);
    case 'PageUp':
      return clamp(active - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    default:
      return null;
  }
}
