import { describe, expect, it } from 'vitest';
import { accept, refuse } from './helpers';

describe('websites', () => {
  it.each([
    ['https://Example.COM/', 'website:example.com', 'https://example.com/'],
    ['example.com', 'website:example.com', 'https://example.com/'],
    ['http://example.com', 'website:example.com', 'http://example.com/'],
    ['https://example.com:443/a', 'website:example.com/a', 'https://example.com/a'],
    ['http://example.com:80/a', 'website:example.com/a', 'http://example.com/a'],
    ['https://example.com:8443/a', 'website:example.com:8443/a', 'https://example.com:8443/a'],
    ['example.com/Path/To/Page/', 'website:example.com/Path/To/Page', 'https://example.com/Path/To/Page'],
    ['https://www.example.com/x', 'website:www.example.com/x', 'https://www.example.com/x'],
    ['https://example.com/a#section-2', 'website:example.com/a', 'https://example.com/a'],
    ['https://example.com/#/channel/7', 'website:example.com#/channel/7', 'https://example.com/#/channel/7'],
    ['https://example.com/?b=2&a=1', 'website:example.com?a=1&b=2', 'https://example.com/?a=1&b=2'],
    [
      'https://example.com/p?id=5&utm_source=tg&utm_medium=x&fbclid=abc&gclid=1',
      'website:example.com/p?id=5',
      'https://example.com/p?id=5',
    ],
    [
      'https://example.com/p?dclid=1&msclkid=2&mc_cid=3&mc_eid=4&igshid=5&si=6&ref_src=7&_ga=8&yclid=9&UTM_Campaign=10',
      'website:example.com/p',
      'https://example.com/p',
    ],
    ['https://example.com/p?a=2&a=1', 'website:example.com/p?a=1&a=2', 'https://example.com/p?a=1&a=2'],
    ['https://93.184.216.34/page', 'website:93.184.216.34/page', 'https://93.184.216.34/page'],
    ['93.184.216.34', 'website:93.184.216.34', 'https://93.184.216.34/'],
    [
      'https://пример.рф/страница',
      'website:xn--e1afmkfd.xn--p1ai/%D1%81%D1%82%D1%80%D0%B0%D0%BD%D0%B8%D1%86%D0%B0',
      'https://xn--e1afmkfd.xn--p1ai/%D1%81%D1%82%D1%80%D0%B0%D0%BD%D0%B8%D1%86%D0%B0',
    ],
    [
      'http://abcdefghijklmnop.onion/forum',
      'website:abcdefghijklmnop.onion/forum',
      'http://abcdefghijklmnop.onion/forum',
    ],
    ['https://telegram.org/blog', 'website:telegram.org/blog', 'https://telegram.org/blog'],
  ])('%s → %s', (input, key, canonicalUrl) => {
    expect(accept(input)).toMatchObject({ platform: 'website', kind: 'website', key, canonicalUrl });
  });

  it('gives the same key whatever the scheme, parameter order or tracking noise', () => {
    const keys = new Set(
      ['https://example.com/a?x=1&y=2', 'http://example.com/a/?y=2&x=1', 'example.com/a?utm_source=x&x=1&y=2#top'].map(
        (i) => accept(i).key,
      ),
    );
    expect([...keys]).toEqual(['website:example.com/a?x=1&y=2']);
  });

  it.each([
    ['http://localhost:3000/x', 'local-address'],
    ['localhost', 'local-address'],
    ['http://app.localhost/', 'local-address'],
    ['http://127.0.0.1/', 'local-address'],
    ['http://2130706433/', 'local-address'],
    ['http://10.0.0.5/admin', 'local-address'],
    ['http://172.16.4.1/', 'local-address'],
    ['http://192.168.1.1/', 'local-address'],
    ['http://169.254.169.254/latest/meta-data', 'local-address'],
    ['http://[::1]/', 'local-address'],
    ['http://[::ffff:127.0.0.1]/', 'local-address'],
    ['http://[fd00::1]/', 'local-address'],
    ['http://intranet/page', 'local-address'],
    ['http://printer.local/', 'local-address'],
  ])('%s → %s', (input, code) => {
    expect(refuse(input).code).toBe(code);
  });
});
