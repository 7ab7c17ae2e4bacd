import { describe, expect, it } from 'vitest';
import { jsonInTurns } from '../../electron/core/json-in-turns';

const text = async (value: unknown) => {
  let whole = '';
  for await (const piece of jsonInTurns(value)) whole += piece;
  return whole;
};

/** A report-like document: a few fields, then a long list of items with nested values, odd strings and nulls. */
function document(items: number): unknown {
  return {
    format: 'jejak-report/1',
    case: { reference: 'JJK/2026/12/0001', title: 'Kanal "propaganda" \u2028 ñ 🙂', dueAt: null, tags: [] },
    skipped: undefined,
    when: new Date('2026-12-05T09:00:00Z'),
    evidence: Array.from({ length: items }, (_, i) => ({
      seq: i + 1,
      file: `data/evidence/${String(i + 1).padStart(5, '0')}.png`,
      size: i * 1.5,
      notes: i % 7 === 0 ? 'baris satu\nbaris dua\t"kutip"' : '',
      width: i % 3 === 0 ? null : 720,
      recognisedText: i % 5 === 0 ? undefined : { text: 'teks', words: [i, -0, 1e21] },
      hashes: i % 11 === 0 ? [] : ['a', undefined, () => 0],
      nested: { deep: [{ list: Array.from({ length: i % 70 }, (_, k) => k) }] },
    })),
    empty: {},
    tail: [1, 'two', false, null],
  };
}

describe('jsonInTurns', () => {
  it('writes exactly the text JSON.stringify(value, null, 2) writes, long lists included', async () => {
    for (const items of [0, 1, 63, 64, 65, 700]) {
      const value = document(items);
      expect(await text(value)).toBe(JSON.stringify(value, null, 2));
    }
    for (const value of [null, 0, 'x', [], {}, [undefined], Array.from({ length: 100 }, () => [])])
      expect(await text(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('gives the event loop turns while writing a long list', async () => {
    const value = document(20_000);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      await text(value);
    } finally {
      clearInterval(ticking);
    }
    expect(turns).toBeGreaterThan(0);
  });
});
