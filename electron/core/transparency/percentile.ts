/**
 * Percentiles by the nearest-rank method: the p-th percentile of n values is the value at rank
 * ⌈p·n/100⌉ (1-based) of the sorted values, so it is always one of the values measured, never an
 * interpolation between two. The median is the 50th percentile: with an even count, the lower of
 * the two middle values. No values, no percentile (null).
 */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`A percentile is above 0 and at most 100, not ${p}.`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // p·n first, then /100: 90·30/100 is exactly 27, where 0.9·30 is 27.000000000000004
  return sorted[Math.ceil((p * sorted.length) / 100) - 1]!;
}
