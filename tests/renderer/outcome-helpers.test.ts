import { describe, expect, it } from 'vitest';
import { durationParts, isoFromLocalInput, localInputValue } from '../../renderer/features/outcomes/outcome-helpers';

describe('outcome helpers', () => {
  it('puts a time to action in its two largest units, late or not', () => {
    expect(durationParts(2 * 3600 + 5 * 60 + 30)).toEqual([
      ['hours', 2],
      ['minutes', 5],
    ]);
    expect(durationParts(-(3 * 86_400 + 4 * 3600))).toEqual([
      ['days', 3],
      ['hours', 4],
    ]);
    expect(durationParts(42)).toEqual([]);
  });

  it('turns the time field (local time, no zone) into UTC and back', () => {
    const at = new Date('2026-11-28T03:15:00Z');
    expect(isoFromLocalInput(localInputValue(at))).toBe(at.toISOString());
    expect(isoFromLocalInput('')).toBeNull();
    expect(isoFromLocalInput('not a time')).toBeNull();
  });
});
