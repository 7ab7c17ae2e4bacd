import { describe, expect, it } from 'vitest';
import { isJejakError } from '../../../../../electron/core/errors';
import {
  DIHEDRAL_TRANSFORMS,
  pdqDistance,
  pdqHex,
  PdqIndex,
  type DihedralTransform,
  type Hash256,
  type PdqMatch,
} from '../../../../../electron/core/evidence/media/pdq';
import { SeededHashes } from '../../../../fixtures/pdq/random-hashes';

const SEED = process.env.PDQ_INDEX_SEED ?? 'pdq-index-1';

function bruteForce(stored: Map<number, Hash256>, query: Hash256, distance: number): PdqMatch<number>[] {
  const matches: PdqMatch<number>[] = [];
  for (const [id, hash] of stored) {
    const d = pdqDistance(hash, query);
    if (d <= distance) matches.push({ id, distance: d });
  }
  return matches;
}

const byIdThenDistance = (a: PdqMatch<number>, b: PdqMatch<number>) => a.id - b.id;

describe(`PdqIndex (seed ${SEED}; set PDQ_INDEX_SEED to replay)`, () => {
  it('returns exactly what a brute-force scan returns, through adds, removals and replacements', () => {
    const random = new SeededHashes(SEED);
    const index = new PdqIndex<number>();
    const stored = new Map<number, Hash256>();
    const bases: Hash256[] = [];
    let nextId = 1;
    const add = (hash: Hash256) => {
      index.add(nextId, hash);
      stored.set(nextId++, hash);
    };
    for (let i = 0; i < 3000; i++) {
      if (bases.length > 0 && i % 3 === 0) {
        // near neighbours of an earlier hash, around the thresholds and spread across all words
        const base = bases[random.int(bases.length)]!;
        const bits = random.int(70);
        add(i % 2 === 0 ? random.flip(base, bits) : random.flipSpread(base, bits));
      } else {
        const hash = random.hash();
        bases.push(hash);
        add(hash);
      }
    }
    for (let i = 0; i < 600; i++) {
      const victim = 1 + random.int(nextId - 1);
      expect(index.remove(victim)).toBe(stored.delete(victim));
    }
    for (let i = 0; i < 300; i++) {
      const id = 1 + random.int(nextId - 1);
      const hash = random.flip(bases[random.int(bases.length)]!, random.int(40));
      index.add(id, hash);
      stored.set(id, hash);
    }
    expect(index.size).toBe(stored.size);

    for (const distance of [0, 8, 15, 16, 31, 32, 47, 63, 64, 90]) {
      for (let q = 0; q < 40; q++) {
        const query =
          q % 2 === 0 ? random.flipSpread(bases[random.int(bases.length)]!, random.int(distance + 2)) : random.hash();
        const expected = bruteForce(stored, query, distance).sort(byIdThenDistance);
        const found = index.within(query, distance);
        expect([...found].sort(byIdThenDistance), `distance ${distance}, query ${pdqHex(query)}`).toEqual(expected);
        expect(found.map((m) => m.distance)).toEqual([...found.map((m) => m.distance)].sort((a, b) => a - b));
      }
    }
  });

  it('finds a hash 31 bits away even when every 16-bit word differs (the pigeonhole edge)', () => {
    const random = new SeededHashes(`${SEED}:edge`);
    const index = new PdqIndex<string>();
    const stored = random.hash();
    index.add('stored', stored);
    const query = random.flipSpread(stored, 31);
    expect(pdqDistance(stored, query)).toBe(31);
    expect(index.within(query, 31)).toEqual([{ id: 'stored', distance: 31 }]);
    expect(index.within(random.flipSpread(stored, 32), 31)).toEqual([]);
  });

  it('withinDihedral reports each stored hash once, with the rotated or mirrored copy that came nearest', () => {
    const random = new SeededHashes(`${SEED}:dihedral`);
    const index = new PdqIndex<number>();
    const [a, b] = [random.hash(), random.hash()];
    index.add(1, a);
    index.add(2, b);
    const copies = Object.fromEntries(DIHEDRAL_TRANSFORMS.map((t) => [t, random.hex()])) as Record<
      DihedralTransform,
      string
    >;
    copies.rotate90 = pdqHex(random.flip(a, 9));
    copies.flipX = pdqHex(random.flip(a, 2));
    copies.original = pdqHex(random.flip(b, 30));
    expect(index.withinDihedral(copies, 31)).toEqual([
      { id: 1, distance: 2, transform: 'flipX' },
      { id: 2, distance: 30, transform: 'original' },
    ]);
  });

  it('add replaces the hash of a known id; remove forgets it and says whether it was there', () => {
    const random = new SeededHashes(`${SEED}:ids`);
    const index = new PdqIndex<number>();
    const [a, b] = [random.hash(), random.hash()];
    index.add(7, a);
    index.add(7, b);
    expect(index.size).toBe(1);
    expect(index.within(a, 31)).toEqual([]);
    expect(index.within(b, 0)).toEqual([{ id: 7, distance: 0 }]);
    expect(index.remove(7)).toBe(true);
    expect(index.remove(7)).toBe(false);
    expect(index.has(7)).toBe(false);
    expect(index.within(b, 256)).toEqual([]);
  });

  it('accepts hex hashes and refuses malformed ones with INVALID_INPUT', () => {
    const index = new PdqIndex<number>();
    const hex = new SeededHashes(`${SEED}:hex`).hex();
    index.add(1, hex.toUpperCase());
    expect(index.within(hex, 0)).toEqual([{ id: 1, distance: 0 }]);
    for (const bad of ['', 'xyz', hex.slice(1), `${hex}0`, `${hex.slice(0, 63)}g`]) {
      let error: unknown;
      try {
        index.add(2, bad);
      } catch (e) {
        error = e;
      }
      expect(isJejakError(error, 'INVALID_INPUT'), bad).toBe(true);
    }
    expect(() => index.within(hex, -1)).toThrow(/whole number/);
    expect(() => index.within(hex, 1.5)).toThrow(/whole number/);
  });
});
