import { describe, expect, it } from 'vitest';
import { isoWeekOf, periodBounds, weeksOf } from '../../../electron/core/transparency/iso-week';
import { nearestRank } from '../../../electron/core/transparency/percentile';

describe('nearest-rank percentiles', () => {
  it('takes the value at rank ⌈p·n/100⌉ of the sorted values', () => {
    // the textbook example: 15, 20, 35, 40, 50
    const values = [50, 15, 40, 20, 35];
    expect(nearestRank(values, 5)).toBe(15);
    expect(nearestRank(values, 30)).toBe(20);
    expect(nearestRank(values, 40)).toBe(20);
    expect(nearestRank(values, 50)).toBe(35);
    expect(nearestRank(values, 90)).toBe(50);
    expect(nearestRank(values, 100)).toBe(50);
  });

  it('gives the lower middle value as the median of an even count, and one of the values, never a mean', () => {
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([7200, 10200, 19200, 23400], 50)).toBe(10200);
    expect(nearestRank([7200, 10200, 19200, 23400], 90)).toBe(23400);
    expect(nearestRank([42], 50)).toBe(42);
    expect(nearestRank([42], 90)).toBe(42);
  });

  it('does not slip a rank where p/100·n is not exact in floating point', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => i + 1);
    // 0.9 * 30 = 27.000000000000004 would give rank 28
    expect(nearestRank(thirty, 90)).toBe(27);
    const ten = Array.from({ length: 10 }, (_, i) => (i + 1) * 10);
    expect(nearestRank(ten, 90)).toBe(90);
    expect(nearestRank(ten, 50)).toBe(50);
  });

  it('has no percentile of nothing, and refuses a percentile out of range', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(() => nearestRank([1], 0)).toThrow(RangeError);
    expect(() => nearestRank([1], 101)).toThrow(RangeError);
  });
});

describe('ISO weeks in UTC', () => {
  it('names the week by the year of its Thursday, starting on Monday', () => {
    expect(isoWeekOf('2026-11-02T08:00:00Z')).toEqual({ week: '2026-W45', start: '2026-11-02' });
    expect(isoWeekOf('2026-11-08T23:59:59Z')).toEqual({ week: '2026-W45', start: '2026-11-02' });
    // UTC, not the zone of the machine: 06:00 in Jakarta on Monday is still Sunday in UTC
    expect(isoWeekOf('2026-11-08T23:00:00Z').week).toBe('2026-W45');
    expect(isoWeekOf('2027-01-01T12:00:00Z')).toEqual({ week: '2026-W53', start: '2026-12-28' });
    expect(isoWeekOf('2024-12-30T00:00:00Z')).toEqual({ week: '2025-W01', start: '2024-12-30' });
    expect(isoWeekOf('2021-01-03T00:00:00Z')).toEqual({ week: '2020-W53', start: '2020-12-28' });
  });

  it('lists every week a period touches and checks the dates', () => {
    expect(weeksOf({ from: '2026-11-01', to: '2026-11-30' }).map((w) => w.week)).toEqual([
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
      '2026-W49',
    ]);
    expect(periodBounds({ from: '2026-11-02', to: '2026-11-02' })).toEqual({
      start: '2026-11-02T00:00:00.000Z',
      end: '2026-11-03T00:00:00.000Z',
    });
    expect(() => periodBounds({ from: '2026-02-30', to: '2026-03-01' })).toThrow(/not a date/);
    expect(() => periodBounds({ from: '2026-11-30', to: '2026-11-01' })).toThrow(/ends \(2026-11-01\) before/);
    expect(() => periodBounds({ from: '1990-01-01', to: '2026-01-01' })).toThrow(/at most 3660 days/);
  });
});
