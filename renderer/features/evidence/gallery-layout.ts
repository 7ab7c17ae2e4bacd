export const TILE = 168;
export const GAP = 12;

/** How many tiles fit across a width, at least one. */
export function columnsFor(width: number, tile = TILE, gap = GAP): number {
  return Math.max(1, Math.floor((width + gap) / (tile + gap)));
}
