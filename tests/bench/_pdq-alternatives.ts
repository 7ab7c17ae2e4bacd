// The lookups PdqIndex was measured against (tests/bench/pdq.ts): a linear scan and a BK-tree,
// both over hashes stored as eight 32-bit words, both stopping a distance once it passes the limit.
import {
  PACKED_WORDS as WORDS,
  packedDistance,
  packHash,
  type Hash256,
} from '../../electron/core/evidence/media/pdq/hash256';

function packed(hash: Hash256): Uint32Array {
  const q = new Uint32Array(WORDS);
  packHash(hash, q, 0);
  return q;
}

export class LinearScan {
  private readonly words: Uint32Array;
  private count = 0;

  constructor(capacity: number) {
    this.words = new Uint32Array(capacity * WORDS);
  }

  add(hash: Hash256): void {
    packHash(hash, this.words, this.count++ * WORDS);
  }

  within(hash: Hash256, limit: number): number[] {
    const q = packed(hash);
    const found: number[] = [];
    for (let i = 0; i < this.count; i++) if (packedDistance(this.words, i * WORDS, q, limit) <= limit) found.push(i);
    return found;
  }
}

/** Burkhard–Keller tree: each child hangs under its parent at its distance from the parent. */
export class BkTree {
  private readonly words: Uint32Array;
  private readonly edge: Uint16Array; // distance to the parent
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.words = new Uint32Array(capacity * WORDS);
    this.edge = new Uint16Array(capacity);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
  }

  add(hash: Hash256): void {
    const node = this.count++;
    packHash(hash, this.words, node * WORDS);
    if (node === 0) return;
    const q = packed(hash);
    let parent = 0;
    for (;;) {
      const d = packedDistance(this.words, parent * WORDS, q, 256);
      let child = this.firstChild[parent]!;
      while (child !== -1 && this.edge[child] !== d) child = this.nextSibling[child]!;
      if (child === -1) {
        this.edge[node] = d;
        this.nextSibling[node] = this.firstChild[parent]!;
        this.firstChild[parent] = node;
        return;
      }
      parent = child;
    }
  }

  /** Matches and how many nodes the search had to measure. */
  within(hash: Hash256, limit: number): { found: number[]; visited: number } {
    const q = packed(hash);
    const found: number[] = [];
    const stack = this.count ? [0] : [];
    let visited = 0;
    while (stack.length) {
      const node = stack.pop()!;
      visited++;
      const d = packedDistance(this.words, node * WORDS, q, 256);
      if (d <= limit) found.push(node);
      for (let child = this.firstChild[node]!; child !== -1; child = this.nextSibling[child]!) {
        if (Math.abs(this.edge[child]! - d) <= limit) stack.push(child);
      }
    }
    return { found, visited };
  }
}
