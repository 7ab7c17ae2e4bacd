import { describe, expect, it } from 'vitest';
import { mapInTurns } from '../../electron/core/in-turns';

describe('mapInTurns', () => {
  it('maps every item in order, letting other work run between batches', async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push('other work'));
    const out = await mapInTurns(
      Array.from({ length: 5 }, (_, i) => i),
      (i) => {
        seen.push(`item ${i}`);
        return i * 2;
      },
      2,
    );
    expect(out).toEqual([0, 2, 4, 6, 8]);
    expect(seen).toEqual(['item 0', 'item 1', 'other work', 'item 2', 'item 3', 'item 4']);
  });
});
