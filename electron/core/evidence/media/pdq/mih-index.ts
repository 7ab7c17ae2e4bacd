import { JejakError } from '../../../errors';
import { DIHEDRAL_TRANSFORMS, type DihedralTransform } from './dihedral';
import { parsePdqHex, PDQ_WORDS, popcount32, type Hash256 } from './hash256';

/**
 * Which stored PDQ hashes lie within a Hamming distance of a query, fast at a million hashes.
 *
 * Multi-index hashing (Norouzi et al. 2014, as in Meta's pdq/cpp/index/mih.h): each hash is cut
 * into sixteen 16-bit slots, and every slot has its own table from slot value to the hashes
 * holding that value. If two hashes differ in at most d bits, some slot differs in at most
 * ⌊d/16⌋ bits (sixteen slots each 2 or more apart would make 32 or more), so for Meta's match
 * distance 31 a query probes each slot's value and its 16 one-bit neighbours (272 probes) and
 * checks the full distance only for the hashes found there. Beyond d = 63 the probes outnumber
 * the savings and the index scans everything. Measured against a linear scan and a BK-tree in
 * tests/bench/pdq.ts.
 *
 * Meant to live in memory while the vault is unlocked, built from the stored rows and kept in
 * step with them:
 *
 *   const index = new PdqIndex<number>();
 *   for (const row of rows) index.add(row.id, row.pdq);    // at unlock
 *   index.add(id, pdqHex);                                 // an item is added (or re-hashed)
 *   index.remove(id);                                      // an item is deleted
 *   index.within(pdqHex, 31);                              // → [{ id, distance }], nearest first
 *   index.withinDihedral(result.dihedral, 31);             // rotated and mirrored copies too
 *
 * Memory: about 100 bytes per hash (the hash, one list link per slot, the id) plus 4 MiB of
 * slot tables. Ids are any Map key (row ids, `list:entry` strings…).
 */
const SLOTS = PDQ_WORDS;
const SLOT_VALUES = 1 << 16;
const WORDS32 = SLOTS / 2;
const MAX_SLOT_RADIUS = 3;
const NONE = -1;

export interface PdqMatch<Id> {
  id: Id;
  distance: number;
}

export interface PdqDihedralMatch<Id> extends PdqMatch<Id> {
  /** which copy of the query matched: `original`, or the rotation or mirror that came nearest */
  transform: DihedralTransform;
}

export class PdqIndex<Id> {
  private capacity = 0;
  private words = new Uint32Array(0); // hash of position p in words[8p … 8p+7]
  private links = new Int32Array(0); // next position in the same slot list: links[16p + slot]
  private stamps = new Uint32Array(0); // query number that last visited each position
  private readonly heads = new Int32Array(SLOTS * SLOT_VALUES).fill(NONE);
  private readonly ids: (Id | undefined)[] = [];
  private readonly positions = new Map<Id, number>();
  private readonly freed: number[] = [];
  private queryNumber = 0;

  get size(): number {
    return this.positions.size;
  }

  has(id: Id): boolean {
    return this.positions.has(id);
  }

  /** Adds a hash under `id`, replacing the hash `id` had. */
  add(id: Id, hash: string | Hash256): void {
    const parsed = typeof hash === 'string' ? parsePdqHex(hash) : hash;
    if (parsed.length !== SLOTS) throw new JejakError('INVALID_INPUT', `A PDQ hash has ${SLOTS} 16-bit words, not ${parsed.length}.`);
    this.remove(id);
    const position = this.freed.pop() ?? this.grow();
    for (let w = 0; w < WORDS32; w++) this.words[position * WORDS32 + w] = (parsed[2 * w]! | (parsed[2 * w + 1]! << 16)) >>> 0;
    for (let slot = 0; slot < SLOTS; slot++) {
      const head = slot * SLOT_VALUES + parsed[slot]!;
      this.links[position * SLOTS + slot] = this.heads[head]!;
      this.heads[head] = position;
    }
    this.ids[position] = id;
    this.positions.set(id, position);
  }

  /** Removes `id`; false when it was not there. */
  remove(id: Id): boolean {
    const position = this.positions.get(id);
    if (position === undefined) return false;
    for (let slot = 0; slot < SLOTS; slot++) this.unlink(position, slot);
    this.positions.delete(id);
    this.ids[position] = undefined;
    this.freed.push(position);
    return true;
  }

  /** Every stored hash within `distance` bits of `hash`, nearest first. */
  within(hash: string | Hash256, distance: number): PdqMatch<Id>[] {
    const query = typeof hash === 'string' ? parsePdqHex(hash) : hash;
    if (!Number.isInteger(distance) || distance < 0) throw new JejakError('INVALID_INPUT', 'A PDQ distance is a whole number of bits, 0 or more.');
    const q = new Uint32Array(WORDS32);
    for (let w = 0; w < WORDS32; w++) q[w] = (query[2 * w]! | (query[2 * w + 1]! << 16)) >>> 0;
    const matches: PdqMatch<Id>[] = [];
    const consider = (position: number): void => {
      const d = this.distanceAtMost(position, q, distance);
      if (d <= distance) matches.push({ id: this.ids[position]!, distance: d });
    };
    const radius = Math.floor(distance / SLOTS);
    if (radius > MAX_SLOT_RADIUS) {
      for (let position = 0; position < this.ids.length; position++) if (this.ids[position] !== undefined) consider(position);
    } else {
      const stamp = this.nextQueryNumber();
      for (let slot = 0; slot < SLOTS; slot++) {
        forEachNeighbour(query[slot]!, radius, (value) => {
          for (let p = this.heads[slot * SLOT_VALUES + value]!; p !== NONE; p = this.links[p * SLOTS + slot]!) {
            if (this.stamps[p] === stamp) continue;
            this.stamps[p] = stamp;
            consider(p);
          }
        });
      }
    }
    return matches.sort((a, b) => a.distance - b.distance);
  }

  /**
   * Matches for any of a picture's eight rotated and mirrored hashes (a PdqDihedralResult's
   * `dihedral`), each stored hash once with the copy that came nearest. Store originals, query
   * with all eight: Meta's way to find rotated and mirrored copies.
   */
  withinDihedral(dihedral: Record<DihedralTransform, string>, distance: number): PdqDihedralMatch<Id>[] {
    const best = new Map<Id, PdqDihedralMatch<Id>>();
    for (const transform of DIHEDRAL_TRANSFORMS) {
      for (const match of this.within(dihedral[transform], distance)) {
        const known = best.get(match.id);
        if (!known || match.distance < known.distance) best.set(match.id, { ...match, transform });
      }
    }
    return [...best.values()].sort((a, b) => a.distance - b.distance);
  }

  /** Distance from the hash at `position` to `q`, or any value above `limit` once it is exceeded. */
  private distanceAtMost(position: number, q: Uint32Array, limit: number): number {
    const base = position * WORDS32;
    let d = 0;
    for (let w = 0; w < WORDS32 && d <= limit; w++) d += popcount32(this.words[base + w]! ^ q[w]!);
    return d;
  }

  private unlink(position: number, slot: number): void {
    const value = slot % 2 === 0 ? this.words[position * WORDS32 + slot / 2]! & 0xffff : this.words[position * WORDS32 + (slot - 1) / 2]! >>> 16;
    const head = slot * SLOT_VALUES + value;
    const after = this.links[position * SLOTS + slot]!;
    if (this.heads[head] === position) {
      this.heads[head] = after;
      return;
    }
    let p = this.heads[head]!;
    while (this.links[p * SLOTS + slot] !== position) p = this.links[p * SLOTS + slot]!;
    this.links[p * SLOTS + slot] = after;
  }

  /** A new position at the end, doubling the arrays when full. */
  private grow(): number {
    const position = this.ids.length;
    if (position === this.capacity) {
      this.capacity = Math.max(1024, this.capacity * 2);
      this.words = resized(this.words, this.capacity * WORDS32);
      this.links = resized(this.links, this.capacity * SLOTS);
      this.stamps = resized(this.stamps, this.capacity);
    }
    this.ids.push(undefined);
    return position;
  }

  private nextQueryNumber(): number {
    this.queryNumber = (this.queryNumber + 1) >>> 0;
    if (this.queryNumber === 0) {
      // wrapped after 2³² queries: old stamps could collide with new ones
      this.stamps.fill(0);
      this.queryNumber = 1;
    }
    return this.queryNumber;
  }
}

function resized<T extends Uint32Array | Int32Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/** Calls `visit` with every 16-bit value within `radius` bits of `value` (each once). */
function forEachNeighbour(value: number, radius: number, visit: (v: number) => void, from = 0): void {
  visit(value);
  if (radius === 0) return;
  for (let bit = from; bit < 16; bit++) forEachNeighbour(value ^ (1 << bit), radius - 1, visit, bit + 1);
}
