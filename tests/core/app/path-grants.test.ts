import { describe, expect, it } from 'vitest';
import { GRANT_TTL_MS, PathGrants } from '../../../electron/core/app/path-grants';

describe('PathGrants', () => {
  it('a batch lives while it is used: each use gives the rest of the pick a fresh deadline', () => {
    let now = 0;
    const grants = new PathGrants({ now: () => now });
    const [a, b, c] = grants.mintAll(['/x/a', '/x/b', '/x/c']);
    now += GRANT_TTL_MS - 1;
    expect(grants.resolve(a!)).toBe('/x/a');
    now += GRANT_TTL_MS - 1;
    expect(grants.resolve(b!)).toBe('/x/b');
    now += GRANT_TTL_MS + 1;
    expect(() => grants.resolve(c!)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('refuses what is not a token it minted, and every token after clear()', () => {
    const grants = new PathGrants();
    const token = grants.mint('/x/a');
    for (const bad of ['/x/a', '', 'grant:', `grant:${'f'.repeat(32)}`, `${token} `]) {
      expect(() => grants.resolve(bad)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
    grants.clear();
    expect(() => grants.resolve(token)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
