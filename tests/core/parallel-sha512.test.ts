import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha512Hasher } from '../../electron/core/parallel-sha512';

describe('SHA-512 on the second core', () => {
  it('matches node:crypto for small and large inputs, odd chunk sizes and interleaved jobs', async () => {
    const big = randomBytes(40 * 1024 * 1024 + 123);
    const other = randomBytes(9 * 1024 * 1024 + 7);
    const a = sha512Hasher(big.length);
    const b = sha512Hasher(other.length);
    // Chunks larger than a slot, smaller, and empty; the two jobs take turns.
    const sizes = [3 * 1024 * 1024 + 5, 1, 0, 700_000, 1024 * 1024];
    let offsetA = 0;
    let offsetB = 0;
    for (let i = 0; offsetA < big.length || offsetB < other.length; i++) {
      const n = sizes[i % sizes.length]!;
      if (offsetA < big.length) a.update(big.subarray(offsetA, (offsetA += n)));
      if (offsetB < other.length) b.update(other.subarray(offsetB, (offsetB += n)));
    }
    expect(await a.digest()).toBe(createHash('sha512').update(big).digest('hex'));
    expect(await b.digest()).toBe(createHash('sha512').update(other).digest('hex'));
    const small = sha512Hasher(10);
    small.update(Buffer.from('abc'));
    expect(await small.digest()).toBe(createHash('sha512').update('abc').digest('hex'));
  });
});
