/**
 * A list whose items are made from another list's items each time they are read, and never held:
 * for a long list that is written (and checked) a few times but is only a plain function of a list
 * kept anyway. JSON.stringify writes it as the array of its items, as jsonInTurns does in turns.
 */
export class DerivedList<Source, Item> implements Iterable<Item> {
  constructor(
    private readonly source: readonly Source[],
    private readonly make: (source: Source) => Item,
  ) {}

  get length(): number {
    return this.source.length;
  }

  *[Symbol.iterator](): Iterator<Item> {
    for (const s of this.source) yield this.make(s);
  }

  toJSON(): Item[] {
    return [...this];
  }
}

/** A list as it is read: an array, or one made item by item. */
export type ListOf<Item> = readonly Item[] | DerivedList<unknown, Item>;

export const isList = (value: unknown): value is ListOf<unknown> =>
  Array.isArray(value) || value instanceof DerivedList;
