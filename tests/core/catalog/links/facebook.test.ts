import { describe, expect, it } from 'vitest';
import { accept, refuse } from './helpers';

describe('Facebook pages, profiles and groups', () => {
  it.each([
    ['https://www.facebook.com/SomePage', 'facebook:somepage', 'account', null],
    ['facebook.com/somepage/', 'facebook:somepage', 'account', null],
    ['https://m.facebook.com/SomePage?ref=bookmarks', 'facebook:somepage', 'account', null],
    ['https://mbasic.facebook.com/SomePage', 'facebook:somepage', 'account', null],
    ['https://web.facebook.com/SomePage', 'facebook:somepage', 'account', null],
    ['https://id-id.facebook.com/SomePage', 'facebook:somepage', 'account', null],
    ['https://fb.com/SomePage', 'facebook:somepage', 'account', null],
    ['https://www.facebook.com/Some.Page', 'facebook:somepage', 'account', null],
    ['https://www.facebook.com/SomePage/about', 'facebook:somepage', 'account', null],
    ['https://www.facebook.com/profile.php?id=100012345678901', 'facebook:id:100012345678901', 'account', null],
    [
      'https://www.facebook.com/profile.php?id=100012345678901&sk=photos',
      'facebook:id:100012345678901',
      'account',
      null,
    ],
    ['https://www.facebook.com/100012345678901', 'facebook:id:100012345678901', 'account', null],
    ['https://www.facebook.com/pages/Some-Page/123456789012', 'facebook:id:123456789012', 'account', null],
    ['https://www.facebook.com/people/Some-Name/100012345678901/', 'facebook:id:100012345678901', 'account', null],
    ['https://www.facebook.com/Some-Page-Name-123456789012345', 'facebook:id:123456789012345', 'account', null],
    ['https://www.facebook.com/pg/SomePage/posts/', 'facebook:somepage', 'account', null],
    ['https://www.facebook.com/groups/123456789012345', 'facebook:group:123456789012345', 'group', null],
    ['https://www.facebook.com/groups/SomeGroup/', 'facebook:group:somegroup', 'group', null],
    ['https://www.facebook.com/groups/SomeGroup/posts/987654321', 'facebook:group:somegroup', 'group', '987654321'],
    [
      'https://www.facebook.com/groups/SomeGroup/permalink/987654321/',
      'facebook:group:somegroup',
      'group',
      '987654321',
    ],
    [
      'https://www.facebook.com/SomePage/posts/pfbid02AbCdEf123?__cft__=x&fbclid=y',
      'facebook:somepage',
      'account',
      'pfbid02AbCdEf123',
    ],
    ['https://www.facebook.com/SomePage/videos/1234567890', 'facebook:somepage', 'account', '1234567890'],
    [
      'https://www.facebook.com/SomePage/videos/a-video-title/1234567890/',
      'facebook:somepage',
      'account',
      '1234567890',
    ],
    ['https://www.facebook.com/SomePage/photos/a.111/2222222/', 'facebook:somepage', 'account', '2222222'],
    [
      'https://www.facebook.com/story.php?story_fbid=987654321&id=100012345678901',
      'facebook:id:100012345678901',
      'account',
      '987654321',
    ],
    [
      'https://m.facebook.com/permalink.php?story_fbid=pfbid0Xyz&id=100012345678901',
      'facebook:id:100012345678901',
      'account',
      'pfbid0Xyz',
    ],
  ])('%s → %s', (input, key, kind, postId) => {
    const link = accept(input);
    expect(link).toMatchObject({ platform: 'facebook', key, kind });
    expect(link.post?.id ?? null).toBe(postId);
  });

  it('builds canonical URLs without tracking parameters', () => {
    const link = accept('https://www.facebook.com/SomePage/posts/pfbid02AbCdEf123?__cft__=x&fbclid=y');
    expect(link.canonicalUrl).toBe('https://www.facebook.com/somepage');
    expect(link.post?.url).toBe('https://www.facebook.com/somepage/posts/pfbid02AbCdEf123');
    expect(accept('https://www.facebook.com/100012345678901/posts/55').post?.url).toBe(
      'https://www.facebook.com/100012345678901/posts/55',
    );
    expect(accept('https://www.facebook.com/profile.php?id=42').canonicalUrl).toBe(
      'https://www.facebook.com/profile.php?id=42',
    );
  });

  it.each([
    ['https://www.facebook.com/', 'not-a-channel'],
    ['https://www.facebook.com/login', 'not-a-channel'],
    ['https://www.facebook.com/help/12345', 'not-a-channel'],
    ['https://www.facebook.com/sharer/sharer.php?u=https://example.com', 'not-a-channel'],
    ['https://www.facebook.com/sharer.php?u=x', 'not-a-channel'],
    ['https://www.facebook.com/events/123456', 'not-a-channel'],
    ['https://www.facebook.com/watch?v=1234567890', 'no-channel'],
    ['https://fb.watch/abcDEF123/', 'no-channel'],
    ['https://www.facebook.com/reel/1234567890', 'no-channel'],
    ['https://www.facebook.com/share/p/AbCdEf123/', 'no-channel'],
    ['https://www.facebook.com/photo/?fbid=123', 'no-channel'],
    ['https://www.facebook.com/story.php?story_fbid=987654321', 'no-channel'],
    ['https://www.facebook.com/profile.php', 'unparseable'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com', 'not-a-channel'],
    ['https://www.facebook.com/some_page', 'invalid-handle'],
    ['https://www.facebook.com/groups/', 'not-a-channel'],
    ['https://developers.facebook.com/docs', 'not-a-channel'],
  ])('%s → %s', (input, code) => {
    expect(refuse(input).code).toBe(code);
  });
});
