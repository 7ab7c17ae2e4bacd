import { JejakError } from '../../../errors';
import { DIHEDRAL_TRANSFORMS, type DihedralTransform } from './dihedral';
import { PACKED_WORDS, packedDistance, packHash, parsePdqHex, PDQ_WORDS, popcount32, type Hash256 } from './hash256';

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
 * Each slot table entry heads a list threaded through `links` (one link per hash and slot), so an
 * add is 16 list pushes, a removal 16 unlinks, and no per-value arrays exist. Memory, measured at
 * a million: about 145 bytes per hash (32 for the hash, 64 of links, the id and its Map entry)
 * plus 4 MiB of slot tables. Ids are any Map key (row ids, `list:entry` strings…).
 */
const SLOTS = PDQ_WORDS;
const SLOT_VALUES = 1 << 16;
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
  private readonly heads = new Int32Array(SLOTS * SLOT_VALUES).fill(NONE);
  private readonly ids: (Id | undefined)[] = [];
  private readonly positions = new Map<Id, number>();
  private readonly freed: number[] = [];

  get size(): number {
    return this.positions.size;
  }

  has(id: Id): boolean {
    return this.positions.has(id);
  }

  /** Adds a hash under `id`, replacing the hash `id` had. */
  add(id: Id, hash: string | Hash256): void {
    const parsed = asHash(hash);
    this.remove(id);
    const position = this.freed.pop() ?? this.grow();
    packHash(parsed, this.words, position * PACKED_WORDS);
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
    const query = asHash(hash);
    if (!Number.isInteger(distance) || distance < 0)
      throw new JejakError('INVALID_INPUT', 'A PDQ distance is a whole number of bits, 0 or more.');
    const q = new Uint32Array(PACKED_WORDS);
    packHash(query, q, 0);
    const matches: PdqMatch<Id>[] = [];
    const radius = Math.floor(distance / SLOTS);
    if (radius > MAX_SLOT_RADIUS) {
      for (let p = 0; p < this.ids.length; p++) {
        if (this.ids[p] === undefined) continue;
        const d = packedDistance(this.words, p * PACKED_WORDS, q, distance);
        if (d <= distance) matches.push({ id: this.ids[p]!, distance: d });
      }
      return matches.sort((a, b) => a.distance - b.distance);
    }
    const { heads, links, ids } = this;
    const masks = neighbourMasks(radius);
    for (let slot = 0; slot < SLOTS; slot++) {
      const table = slot * SLOT_VALUES;
      const value = query[slot]!;
      for (let m = 0; m < masks.length; m++) {
        for (let p = heads[table + (value ^ masks[m]!)]!; p !== NONE; p = links[p * SLOTS + slot]!) {
          const d = packedDistance(this.words, p * PACKED_WORDS, q, distance);
          // a match shows up in every slot within the radius: report it from the first one only
          if (d <= distance && this.firstCloseSlot(p, query, radius) === slot)
            matches.push({ id: ids[p]!, distance: d });
        }
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

  /** The first slot where the hash at `position` is within `radius` bits of `query`. */
  private firstCloseSlot(position: number, query: Hash256, radius: number): number {
    for (let slot = 0; ; slot++) if (popcount32(this.slotValue(position, slot) ^ query[slot]!) <= radius) return slot;
  }

  private slotValue(position: number, slot: number): number {
    const word = this.words[position * PACKED_WORDS + (slot >> 1)]!;
    return slot % 2 === 0 ? word & 0xffff : word >>> 16;
  }

  private unlink(position: number, slot: number): void {
    const head = slot * SLOT_VALUES + this.slotValue(position, slot);
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
      this.words = resized(this.words, this.capacity * PACKED_WORDS);
      this.links = resized(this.links, this.capacity * SLOTS);
    }
    this.ids.push(undefined);
    return position;
  }
}

function asHash(hash: string | Hash256): Hash256 {
  if (typeof hash === 'string') return parsePdqHex(hash);
  if (hash.length !== SLOTS)
    throw new JejakError('INVALID_INPUT', `A PDQ hash has ${SLOTS} 16-bit words, not ${hash.length}.`);
  return hash;
}

function resized<T extends Uint32Array | Int32Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/**
 * Every 16-bit XOR mask of at most `radius` bits, so value ^ mask walks the neighbours. Built on
 * first use, not when the module loads: every command that touches evidence imports this module.
 */
const neighbourMasksByRadius: Uint16Array[] = [];
function neighbourMasks(radius: number): Uint16Array {
  return (neighbourMasksByRadius[radius] ??= Uint16Array.from({ length: SLOT_VALUES }, (_, mask) => mask).filter(
    (mask) => popcount32(mask) <= radius,
  ));
}
