import { describe, expect, it } from 'vitest';
import { parseLinks } from '../../../../electron/core/catalog/links';

function summary(text: string): Array<[number, string]> {
  return parseLinks(text).map((r) => [r.line, r.ok ? r.link.key : `!${r.error.code}`]);
}

describe('parseLinks', () => {
  it('splits on newlines, whitespace and commas, skips blanks and keeps line numbers', () => {
    const text = [
      'https://t.me/durov, @SomeChannel',
      '',
      '   ',
      '\thttps://x.com/someuser  example.com/a',
      'javascript:alert(1)',
    ].join('\n');
    expect(summary(text)).toEqual([
      [1, 'telegram:durov'],
      [1, 'telegram:somechannel'],
      [4, 'x:someuser'],
      [4, 'website:example.com/a'],
      [5, '!unsupported-scheme'],
    ]);
  });

  it.each([
    ['https://example.com/?ids=1,2,3', [[1, 'website:example.com?ids=1%2C2%2C3']]],
    [
      'https://example.com/?a=1,https://t.me/durov',
      [
        [1, 'website:example.com?a=1'],
        [1, 'telegram:durov'],
      ],
    ],
    [
      't.me/durov,t.me/other_channel,',
      [
        [1, 'telegram:durov'],
        [1, 'telegram:other_channel'],
      ],
    ],
    [
      '1. t.me/durov\r\n2. @other_channel\r\n- example.com',
      [
        [1, 'telegram:durov'],
        [2, 'telegram:other_channel'],
        [3, 'website:example.com'],
      ],
    ],
    [
      '• t.me/durov — see (t.me/other_channel).',
      [
        [1, 'telegram:durov'],
        [1, '!unparseable'],
        [1, 'telegram:other_channel'],
      ],
    ],
    ['', []],
  ] as Array<[string, Array<[number, string]>]>)('%j', (text, expected) => {
    expect(summary(text)).toEqual(expected);
  });

  it('reports a failure per bad token without stopping', () => {
    const results = parseLinks('@ab\nhttps://t.me/durov');
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ ok: false, line: 1, error: { code: 'invalid-handle' } });
    expect(results[1]).toMatchObject({ ok: true, line: 2, link: { key: 'telegram:durov' } });
  });
});
