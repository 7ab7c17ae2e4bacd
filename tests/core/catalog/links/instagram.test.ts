import { describe, expect, it } from 'vitest';
import { accept, refuse } from './helpers';

describe('Instagram', () => {
  it.each([
    ['https://www.instagram.com/Some.User_1/', 'instagram:some.user_1', 'account', null],
    ['instagram.com/someuser', 'instagram:someuser', 'account', null],
    ['https://m.instagram.com/someuser/?igshid=abc', 'instagram:someuser', 'account', null],
    ['https://instagr.am/someuser', 'instagram:someuser', 'account', null],
    ['https://www.instagram.com/someuser/reels/', 'instagram:someuser', 'account', null],
    ['https://www.instagram.com/_u/someuser', 'instagram:someuser', 'account', null],
    ['https://www.instagram.com/someuser/p/CxYz123AbC/', 'instagram:someuser', 'account', 'CxYz123AbC'],
    ['https://www.instagram.com/someuser/reel/CxYz123AbC/', 'instagram:someuser', 'account', 'CxYz123AbC'],
    [
      'https://www.instagram.com/stories/someuser/3141592653589793238/',
      'instagram:someuser',
      'account',
      'story:3141592653589793238',
    ],
    [
      'https://www.instagram.com/p/CxYz123AbC/?utm_source=ig_web_copy_link&igsh=abc',
      'instagram:post:CxYz123AbC',
      'post',
      'CxYz123AbC',
    ],
    ['https://www.instagram.com/reel/CxYz123AbC/', 'instagram:post:CxYz123AbC', 'post', 'CxYz123AbC'],
    ['https://www.instagram.com/tv/CxYz123AbC', 'instagram:post:CxYz123AbC', 'post', 'CxYz123AbC'],
  ])('%s → %s', (input, key, kind, postId) => {
    const link = accept(input);
    expect(link).toMatchObject({ platform: 'instagram', key, kind });
    expect(link.post?.id ?? null).toBe(postId);
  });

  it('gives post-only links a canonical post URL and a note that the account is unknown', () => {
    const link = accept('https://www.instagram.com/reel/CxYz123AbC/?igsh=abc');
    expect(link.canonicalUrl).toBe('https://www.instagram.com/p/CxYz123AbC');
    expect(link.post?.url).toBe('https://www.instagram.com/p/CxYz123AbC');
    expect(link.note).toContain('cannot be found offline');
    expect(accept('https://www.instagram.com/SomeUser').canonicalUrl).toBe('https://www.instagram.com/someuser');
  });

  it.each([
    ['https://www.instagram.com/', 'not-a-channel'],
    ['https://www.instagram.com/explore/tags/news/', 'not-a-channel'],
    ['https://www.instagram.com/accounts/login/', 'not-a-channel'],
    ['https://www.instagram.com/direct/inbox/', 'not-a-channel'],
    ['https://www.instagram.com/stories/highlights/17900000000000000/', 'no-channel'],
    ['https://www.instagram.com/some-user', 'invalid-handle'],
    ['https://www.instagram.com/.someuser', 'invalid-handle'],
    ['https://www.instagram.com/some..user', 'invalid-handle'],
    ['https://www.instagram.com/' + 'a'.repeat(31), 'invalid-handle'],
    ['https://www.instagram.com/p/ab/', 'unparseable'],
    ['https://help.instagram.com/12345', 'not-a-channel'],
  ])('%s → %s', (input, code) => {
    expect(refuse(input).code).toBe(code);
  });
});
