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
  for (let i = 0; i < n - 1; i++) {
    for (let j = 0; j < n; j++) gradientSum += Math.abs(Math.trunc(((grid[i * n + j]! - grid[(i + 1) * n + j]!) * 100) / 255));
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n - 1; j++) gradientSum += Math.abs(Math.trunc(((grid[i * n + j]! - grid[i * n + j + 1]!) * 100) / 255));
  }
  return Math.min(100, Math.trunc(gradientSum / 90));
}
