import { PDQ_GRID } from './jarosz';

/**
 * Meta's heuristic quality, 0…100: the sum of the significant luma steps between neighbouring
 * cells of the 64×64 grid (each step in percent of full scale, truncated toward zero, so faint
 * gradients count for nothing), divided by 90. A flat or nearly flat picture scores low and its
 * hash is mostly noise; the reference suggests ignoring hashes below 50 for matching.
 */
export function pdqQuality(grid: Float32Array): number {
  const n = PDQ_GRID;
  let gradientSum = 0;
  for (let i = 0; i < n - 1; i++)
    for (let j = 0; j < n; j++) gradientSum += step(grid[i * n + j]!, grid[(i + 1) * n + j]!);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n - 1; j++) gradientSum += step(grid[i * n + j]!, grid[i * n + j + 1]!);
  return Math.min(100, Math.trunc(gradientSum / 90));
}

/** |u − v| in whole percent of 255, truncated, in 32-bit float steps as the C++ reference. */
function step(u: number, v: number): number {
  return Math.abs(Math.trunc(Math.fround(Math.fround(Math.fround(u - v) * 100) / 255)));
}
