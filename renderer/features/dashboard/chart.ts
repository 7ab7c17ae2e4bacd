/** Geometry of the weekly bar chart, kept apart from the SVG so it can be checked without a DOM. */
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
  week: string;
}

/** A round upper bound for the axis (1, 2, 5, 10, 20, 50…) at or above the largest count. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function layoutBars(
  weeks: ReadonlyArray<{ week: string; count: number }>,
  width: number,
  height: number,
  gap = 6,
): { bars: Bar[]; max: number } {
  const max = niceMax(Math.max(0, ...weeks.map((w) => w.count)));
  const slot = weeks.length > 0 ? width / weeks.length : width;
  const bars = weeks.map((w, i) => {
    const h = w.count === 0 ? 0 : Math.max(2, (w.count / max) * height);
    return {
      x: i * slot + gap / 2,
      y: height - h,
      width: Math.max(1, slot - gap),
      height: h,
      count: w.count,
      week: w.week,
    };
  });
  return { bars, max };
}
