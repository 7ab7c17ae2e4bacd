import { describe, expect, it } from 'vitest';
import { hours, lastWeeks } from '../../renderer/features/transparency/transparency-helpers';

describe('the transparency page, before it asks the core', () => {
  it('starts on the last 12 ISO weeks up to today, in UTC', () => {
    // Wednesday 2 December 2026, 23:30 UTC (already Thursday in Jakarta): week 49 starts on Monday 30 November
    expect(lastWeeks(12, new Date('2026-12-02T23:30:00Z'))).toEqual({ from: '2026-09-14', to: '2026-12-02' });
    // on a Monday the week is that day
    expect(lastWeeks(1, new Date('2026-11-02T00:00:00Z'))).toEqual({ from: '2026-11-02', to: '2026-11-02' });
    // on a Sunday it began six days before
    expect(lastWeeks(1, new Date('2026-11-08T12:00:00Z'))).toEqual({ from: '2026-11-02', to: '2026-11-08' });
  });

  it("draws the time chart's bars in hours, nothing where nothing was actioned", () => {
    expect(hours(9000)).toBe(2.5);
    expect(hours(3003)).toBe(0.8);
    expect(hours(null)).toBe(0);
  });
});
