import { describe, expect, it } from 'vitest';
import { readJsonLists } from '../../electron/core/json-lists-in-pieces';

/** The text cut at every `every`-th character (and at 1, so that no boundary is spared). */
function cut(text: string, every: number): string[] {
  const pieces = [text.slice(0, 1)];
  for (let at = 1; at < text.length; at += every) pieces.push(text.slice(at, at + every));
  return pieces;
}

/** What readJsonLists gives for the text in pieces: the object and each list's entries as read. */
async function read(pieces: string[], lists = ['items', 'more']) {
  const entries: Record<string, unknown[]> = {};
  const value = await readJsonLists(pieces, lists, (list, entry) => (entries[list] ??= []).push(entry));
  return { value, entries };
}

const tricky = {
  format: 'x',
  'it\u00e9ms': [1],
  'a "quoted" key': { items: [1, 2], more: '[,]' },
  items: [
    { s: 'a, b] c}', t: '\\', u: '"', v: '\u0000\u2028 🙂 دعوة', w: [1, [2, { x: ',' }]] },
    [],
    {},
    null,
    'x',
    -1.5e3,
    true,
  ],
  tail: '\\"',
  more: [{ items: ['nested, not read apart'] }],
};

describe('readJsonLists', () => {
  const text = JSON.stringify(tricky, null, 1);

  it.each([1, 2, 3, 7, 64, 1 << 20])(
    'reads each entry of the named lists as JSON.parse does, the text cut every %i characters',
    async (every) => {
      const { value, entries } = await read(cut(text, every));
      const whole = JSON.parse(text) as typeof tricky;
      expect(value).toEqual({ ...whole, items: [], more: [] });
      expect(Object.keys(value as object)).toEqual(Object.keys(whole));
      expect(entries).toEqual({ items: whole.items, more: whole.more });
    },
  );

  it('reads a key escaped in the text under its own name', async () => {
    const { entries } = await read(cut('{"\\u0069tems": [1, 2]}', 1));
    expect(entries).toEqual({ items: [1, 2] });
  });

  it('leaves a named member that is not a list, and a value that is not an object, to JSON.parse', async () => {
    expect(await read(['{"items": {"a": [1]}, "more": 2}'])).toEqual({
      value: { items: { a: [1] }, more: 2 },
      entries: {},
    });
    expect(await read(['[{"items": [1]}]'])).toEqual({ value: [{ items: [1] }], entries: {} });
    expect(await read(['{"items": [ ]}'])).toEqual({ value: { items: [] }, entries: {} });
  });

  it.each([
    ['a trailing comma', '{"items": [1, ]}'],
    ['an empty entry', '{"items": [1,,2]}'],
    ['a leading comma', '{"items": [,1]}'],
    ['two values in an entry', '{"items": [1 2]}'],
    ['a list closed by a brace', '{"items": [1}'],
    ['a text that ends in a list', '{"items": [1, 2'],
    ['a text that ends in a string', '{"items": ["a'],
    ['an unopened bracket', '{"a": 1}}'],
    ['a bad member outside the lists', '{"items": [1], "b" 2}'],
    ['a list given twice', '{"items": [1], "items": [2]}'],
    ['nothing', ''],
  ])('refuses %s, in pieces or whole', async (_label, bad) => {
    await expect(read([bad])).rejects.toThrow(SyntaxError);
    await expect(read(cut(bad, 1))).rejects.toThrow(SyntaxError);
  });

  it('gives the event loop turns while it reads a long text', async () => {
    const long = JSON.stringify({
      items: Array.from({ length: 200_000 }, (_, i) => ({ seq: i, note: 'x'.repeat(20) })),
    });
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    let count = 0;
    try {
      await readJsonLists(cut(long, 65_536), ['items'], () => count++);
    } finally {
      clearInterval(ticking);
    }
    expect(count).toBe(200_000);
    expect(turns).toBeGreaterThan(0);
  });
});
