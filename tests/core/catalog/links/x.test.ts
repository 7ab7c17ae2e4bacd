import { describe, expect, it } from 'vitest';
import { accept, refuse } from './helpers';

describe('X / Twitter', () => {
  it.each([
    ['https://x.com/SomeUser', 'x:someuser', null],
    ['https://twitter.com/SomeUser', 'x:someuser', null],
    ['https://mobile.twitter.com/someuser', 'x:someuser', null],
    ['www.twitter.com/someuser/', 'x:someuser', null],
    ['https://x.com/someuser/media', 'x:someuser', null],
    ['https://x.com/a', 'x:a', null],
    ['https://twitter.com/intent/user?screen_name=SomeUser', 'x:someuser', null],
    ['https://x.com/SomeUser/status/1790000000000000000', 'x:someuser', '1790000000000000000'],
    ['https://twitter.com/someuser/statuses/1790000000000000000', 'x:someuser', '1790000000000000000'],
    ['https://x.com/someuser/status/1790000000000000000/photo/1', 'x:someuser', '1790000000000000000'],
    ['https://x.com/someuser/status/1790000000000000000?s=20&t=abc&ref_src=twsrc', 'x:someuser', '1790000000000000000'],
  ])('%s → %s', (input, key, postId) => {
    const link = accept(input);
    expect(link).toMatchObject({ platform: 'x', key, kind: 'account', canonicalUrl: `https://x.com/${key.slice(2)}` });
    expect(link.post?.id ?? null).toBe(postId);
  });

  it('canonicalises post URLs onto x.com without parameters', () => {
    expect(accept('https://twitter.com/SomeUser/status/17?s=20').post?.url).toBe('https://x.com/someuser/status/17');
    expect(accept('https://twitter.com/SomeUser').handle).toBe('SomeUser');
  });

  it.each([
    ['https://x.com/', 'not-a-channel'],
    ['https://x.com/home', 'not-a-channel'],
    ['https://x.com/search?q=x', 'not-a-channel'],
    ['https://x.com/settings/account', 'not-a-channel'],
    ['https://x.com/i/lists/123', 'not-a-channel'],
    ['https://x.com/i/web/status/1790000000000000000', 'no-channel'],
    ['https://twitter.com/i/status/1790000000000000000', 'no-channel'],
    ['https://x.com/this_is_too_long_handle', 'invalid-handle'],
    ['https://x.com/some-user', 'invalid-handle'],
    ['https://x.com/someuser/status/abc', 'unparseable'],
  ])('%s → %s', (input, code) => {
    expect(refuse(input).code).toBe(code);
  });
});
