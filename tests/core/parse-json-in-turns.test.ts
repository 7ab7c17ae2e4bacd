import { describe, expect, it } from 'vitest';
import { parseJsonInTurns } from '../../electron/core/parse-json-in-turns';

/** Splits every object and array, however short, so small texts take the path long ones take. */
const SPLIT_ALL = 1;
/** Sizes at which members are long enough to be split alone; the shorter ones are read in groups of half that. */
const SPLITS = [SPLIT_ALL, 8, 40, 200];

/** A report-like document: fields, a long list of items with nested values, escapes and odd keys. */
function document(items: number): unknown {
  return {
    format: 'jejak-report/1',
    case: { reference: 'JJK/2026/12/0001', title: 'Kanal "propaganda" \u2028 ñ 🙂 \\ } ] , :', tags: [] },
    evidence: Array.from({ length: items }, (_, i) => ({
      seq: i + 1,
      file: `data/evidence/${String(i + 1).padStart(5, '0')}.png`,
      size: i * 1.5,
      notes: i % 7 === 0 ? 'baris satu\nbaris dua\t"kutip" \\"' : '',
      width: i % 3 === 0 ? null : 720,
      words: [i, -0, 1e21, true, false],
      nested: { deep: [{ list: Array.from({ length: i % 9 }, (_, k) => ({ [`k${k}`]: [k, '[', '{'] })) }] },
    })),
    '': { 'a b': [[], {}, [[]]] },
  };
}

/** the value and the order of every object's keys */
const exactly = (value: unknown) => JSON.stringify(value);

async function outcome(parse: () => unknown): Promise<string> {
  try {
    return `value ${exactly(await parse())}`;
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}

describe('parseJsonInTurns', () => {
  it('gives the value JSON.parse gives, members split or whole, compact or indented', async () => {
    for (const items of [0, 1, 40]) {
      for (const text of [JSON.stringify(document(items)), JSON.stringify(document(items), null, 2)]) {
        for (const split of [...SPLITS, undefined])
          expect(exactly(await parseJsonInTurns(text, split)), `split ${split}`).toBe(exactly(JSON.parse(text)));
      }
    }
    for (const text of [
      '"x"',
      '1',
      'null',
      '[ ]',
      '{ }',
      '\r\n\t [1,\n\t2] ',
      '[{"a":"}"}]',
      '{"a" : "b" , "c":[ "]", "\\\\" ]}',
    ])
      for (const split of SPLITS) expect(exactly(await parseJsonInTurns(text, split))).toBe(exactly(JSON.parse(text)));
  });

  it('defines members as JSON.parse does: a repeated key keeps its first place and its last value; __proto__ is a key', async () => {
    // the second "a" in the same group as the first, and in a group after it
    for (const [text, split] of [
      ['{"a":1,"b":2,"a":{"c":3}}', SPLIT_ALL],
      ['{"a":1,"b":2,"a":{"c":3}}', 200],
      ['{"a":1,"b":2,"x":"a long member of its own","a":{"c":3}}', 16],
    ] as const) {
      const repeated = (await parseJsonInTurns(text, split)) as Record<string, unknown>;
      expect(Object.keys(repeated)).toEqual(Object.keys(JSON.parse(text) as object));
      expect(repeated.a).toEqual({ c: 3 });
      expect(Object.getOwnPropertyDescriptors(repeated)).toEqual(Object.getOwnPropertyDescriptors(JSON.parse(text)));
    }
    const proto = (await parseJsonInTurns('{"__proto__":{"polluted":true},"x":[{"__proto__":1}]}', SPLIT_ALL)) as {
      x: object[];
    };
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__', 'x']);
    expect(Object.getOwnPropertyDescriptor(proto, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(proto.x[0]!)).toEqual(['__proto__']);
  });

  it('rejects what JSON.parse rejects, with a SyntaxError', async () => {
    const bad = [
      '',
      ' ',
      '[1,]',
      '[,1]',
      '{"a":1,}',
      '{"a"}',
      '{"a":}',
      '{1:2}',
      '{"a":1:2}',
      '[1 2]',
      '{"a":1 "b":2}',
      '[1]]',
      '[[1]',
      '{"a":[1}',
      '["\\"]',
      '["a\\\\"b"]',
      '[1]\u00a0',
      '\ufeff[1]',
      '["\u0001"]',
      '{"a":1}:',
      '[1]x',
      'x[1]',
      '{"a":1}{"b":2}',
      '[1],[2]',
      '{"a":1,"a"}',
      '["a":1]',
      "{'a':1}",
      '[01]',
      '{"a":"b"]',
    ];
    for (const text of bad) {
      expect(() => JSON.parse(text), text).toThrow(SyntaxError);
      for (const split of SPLITS) await expect(parseJsonInTurns(text, split), text).rejects.toThrow(SyntaxError);
    }
  });

  it('accepts and rejects as JSON.parse does for every one-character change of a document', async () => {
    const text = JSON.stringify(document(6), null, 1);
    const replacements = ['', '"', ',', ':', '{', '}', '[', ']', '\\', ' ', 'x', '0', '\n'];
    let rejected = 0;
    for (let at = 0; at < text.length; at += 3) {
      const changed = text.slice(0, at) + replacements[at % replacements.length]! + text.slice(at + 1);
      const expected = await outcome(() => JSON.parse(changed));
      if (expected.startsWith('throws')) rejected++;
      for (const split of SPLITS)
        expect(await outcome(() => parseJsonInTurns(changed, split)), `change at ${at}, split ${split}`).toBe(expected);
    }
    expect(rejected).toBeGreaterThan(100);
  });

  it('reads hostile shapes in time and memory linear in the text: deep nesting, a million tiny members', async () => {
    const deep = `${'['.repeat(300_000)}1${']'.repeat(300_000)}`;
    expect(await outcome(() => parseJsonInTurns(deep))).toBe(await outcome(() => JSON.parse(deep)));
    const deepObject = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    expect(await outcome(() => parseJsonInTurns(deepObject))).toBe(await outcome(() => JSON.parse(deepObject)));
    const flat = `[${'1,'.repeat(1_000_000)}1]`;
    const value = (await parseJsonInTurns(flat)) as number[];
    expect(value.length).toBe(1_000_001);
    expect(value.every((n) => n === 1)).toBe(true);
    const wide = `{${Array.from({ length: 200_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    expect(exactly(await parseJsonInTurns(wide))).toBe(exactly(JSON.parse(wide)));
  });

  it('lets a timer run while it parses a long text', async () => {
    const text = JSON.stringify(document(40_000));
    let ticks = 0;
    const tick = () => {
      ticks++;
      timer = setTimeout(tick, 0);
    };
    let timer = setTimeout(tick, 0);
    const value = await parseJsonInTurns(text);
    clearTimeout(timer);
    expect(exactly(value)).toBe(exactly(JSON.parse(text)));
    expect(ticks).toBeGreaterThan(0);
  });
});
