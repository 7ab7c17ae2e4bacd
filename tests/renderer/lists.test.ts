import { describe, expect, it } from 'vitest';
import { PageRequests, itemAt, pagesForRange, withPage } from '../../renderer/components/page-cache';
import { nextActive, rangeBetween, toggled, withRange } from '../../renderer/features/channels/selection';
import { columnsFor } from '../../renderer/features/evidence/gallery-layout';

describe('paged lists', () => {
  it('names the pages a visible range needs, within the total', () => {
    expect(pagesForRange(0, 30, 200, null)).toEqual([0]);
    expect(pagesForRange(180, 420, 200, 100_000)).toEqual([0, 1, 2]);
    expect(pagesForRange(99_950, 100_100, 200, 100_000)).toEqual([499]);
    expect(pagesForRange(0, 199, 200, 0)).toEqual([]);
  });

  it('finds a row by index once its page is in', () => {
    let pages = withPage(new Map(), 1, ['a', 'b', 'c']);
    expect(itemAt(pages, 201, 200)).toBe('b');
    expect(itemAt(pages, 5, 200)).toBeUndefined();
    pages = withPage(pages, 0, ['z']);
    expect(itemAt(pages, 0, 200)).toBe('z');
  });

  it('keeps a bounded cache, dropping the pages farthest from the latest', () => {
    let pages = new Map<number, readonly number[]>();
    for (let p = 0; p < 10; p++) pages = withPage(pages, p, [p], 4);
    expect([...pages.keys()].sort((a, b) => a - b)).toEqual([6, 7, 8, 9]);
  });

  it('asks for a page once per generation and drops answers from an older one', () => {
    const requests = new PageRequests();
    const first = requests.current;
    expect(requests.claim(0, false)).toBe(true);
    expect(requests.claim(0, false)).toBe(false);
    requests.next();
    expect(requests.settle(first, 0, true)).toBe(false);
    expect(requests.claim(0, true)).toBe(true);
    expect(requests.settle(requests.current, 0, true)).toBe(true);
    expect(requests.claim(0, true)).toBe(false);
    // a page evicted from the cache is fetched again even though it was loaded
    expect(requests.claim(0, false)).toBe(true);
  });
});

describe('table selection and focus', () => {
  it('toggles ids and sets a range to one state', () => {
    expect([...toggled(new Set([1, 2]), 2)]).toEqual([1]);
    expect([...toggled(new Set([1]), 3)]).toEqual([1, 3]);
    expect([...withRange(new Set([1, 5]), [2, 3, 4, 5], true)].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...withRange(new Set([1, 2, 3]), [2, 3], false)]).toEqual([1]);
  });

  it('orders a shift-click range either way', () => {
    expect(rangeBetween(10, 4)).toEqual([4, 10]);
    expect(rangeBetween(4, 10)).toEqual([4, 10]);
    expect(rangeBetween(null, 7)).toEqual([7, 7]);
  });

  it('moves the active row by key, clamped to the table', () => {
    expect(nextActive('ArrowDown', 0, 100_000, 15)).toBe(1);
    expect(nextActive('ArrowUp', 0, 100_000, 15)).toBe(0);
    expect(nextActive('PageDown', 99_990, 100_000, 15)).toBe(99_999);
    expect(nextActive('End', 3, 100_000, 15)).toBe(99_999);
    expect(nextActive('Home', 500, 100_000, 15)).toBe(0);
    expect(nextActive('x', 5, 10, 15)).toBeNull();
    expect(nextActive('ArrowDown', 0, 0, 15)).toBeNull();
  });

  it('fits gallery columns to the width', () => {
    expect(columnsFor(100)).toBe(1);
    expect(columnsFor(168)).toBe(1);
    expect(columnsFor(348)).toBe(2);
    expect(columnsFor(1000)).toBe(5);
  });
});
