/**
 * Helpers for long lists fetched a page at a time (the channel table, the evidence gallery): which
 * pages a visible range needs, and the row at an index when its page has arrived.
 */
export type Pages<T> = ReadonlyMap<number, readonly T[]>;

/** The page numbers covering rows start..end (inclusive), clamped to the total when it is known. */
export function pagesForRange(start: number, end: number, pageSize: number, total: number | null): number[] {
  const last = total === null ? end : Math.min(end, total - 1);
  if (last < 0 || last < start) return total === null ? [0] : [];
  const first = Math.floor(Math.max(0, start) / pageSize);
  const lastPage = Math.floor(last / pageSize);
  return Array.from({ length: lastPage - first + 1 }, (_, i) => first + i);
}

export function itemAt<T>(pages: Pages<T>, index: number, pageSize: number): T | undefined {
  return pages.get(Math.floor(index / pageSize))?.[index % pageSize];
}

/** A copy of the cache with one page set, dropping the pages farthest from it past `keep` pages. */
export function withPage<T>(pages: Pages<T>, page: number, rows: readonly T[], keep = 60): Map<number, readonly T[]> {
  const next = new Map(pages);
  next.set(page, rows);
  if (next.size > keep) {
    const byDistance = [...next.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
    for (const far of byDistance.slice(0, next.size - keep)) next.delete(far);
  }
  return next;
}

/**
 * Tracks requests per list generation: a page is asked for once, an answer for an older filter or
 * sort (an older generation) is recognised and dropped, and after a soft refresh the rows on
 * screen stay until their fresh copy arrives.
 */
export class PageRequests {
  private generation = 0;
  private readonly inFlight = new Set<number>();
  private readonly loaded = new Set<number>();

  get current(): number {
    return this.generation;
  }

  /** A new filter, sort or a refresh: everything in flight or loaded before becomes stale. */
  next(): number {
    this.generation += 1;
    this.inFlight.clear();
    this.loaded.clear();
    return this.generation;
  }

  /** True when the page has to be fetched now: not fetched in this generation and not on its way. */
  claim(page: number, cached: boolean): boolean {
    if (this.inFlight.has(page) || (cached && this.loaded.has(page))) return false;
    this.inFlight.add(page);
    return true;
  }

  /** True when the page's answer arrived in this generation (its rows are current, not a stale copy on screen). */
  answered(page: number): boolean {
    return this.loaded.has(page);
  }

  /** Records an answer; false when it belongs to an older generation and must be dropped. */
  settle(generation: number, page: number, ok: boolean): boolean {
    if (generation !== this.generation) return false;
    this.inFlight.delete(page);
    if (ok) this.loaded.add(page);
    return true;
  }
}
