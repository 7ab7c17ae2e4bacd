import { describe, expect, it } from 'vitest';
import { displayHandle } from '../../../../electron/common/handle';
import { accept, refuse } from './helpers';

const UC = 'UCaBcDeFgHiJkLmNoPqRsT_-';

describe('YouTube channels', () => {
  it.each([
    ['https://www.youtube.com/@SomeHandle', 'youtube:@somehandle', 'https://www.youtube.com/@somehandle'],
    ['youtube.com/@somehandle/videos', 'youtube:@somehandle', 'https://www.youtube.com/@somehandle'],
    ['https://m.youtube.com/@SomeHandle?si=abc', 'youtube:@somehandle', 'https://www.youtube.com/@somehandle'],
    ['https://music.youtube.com/@somehandle', 'youtube:@somehandle', 'https://www.youtube.com/@somehandle'],
    ['https://www.youtube.com/@kanal.berita-1', 'youtube:@kanal.berita-1', 'https://www.youtube.com/@kanal.berita-1'],
    [`https://www.youtube.com/channel/${UC}`, `youtube:channel:${UC}`, `https://www.youtube.com/channel/${UC}`],
    [
      `https://www.youtube.com/channel/${UC}/featured`,
      `youtube:channel:${UC}`,
      `https://www.youtube.com/channel/${UC}`,
    ],
    ['https://www.youtube.com/c/SomeName', 'youtube:c:somename', 'https://www.youtube.com/c/somename'],
    ['https://www.youtube.com/SomeName', 'youtube:c:somename', 'https://www.youtube.com/c/somename'],
    ['https://www.youtube.com/user/SomeUser', 'youtube:user:someuser', 'https://www.youtube.com/user/someuser'],
  ])('%s → %s', (input, key, canonicalUrl) => {
    expect(accept(input)).toMatchObject({ platform: 'youtube', kind: 'channel', key, canonicalUrl });
  });

  it('keeps the handle bare, as every platform does, so it is shown with one "@"', () => {
    const link = accept('https://www.youtube.com/@SomeHandle');
    expect(link.handle).toBe('SomeHandle');
    expect(displayHandle(link.handle!)).toBe('@SomeHandle');
    expect(displayHandle(accept('https://t.me/SomeChannel').handle!)).toBe('@SomeChannel');
    // a vault made before this stored YouTube handles with their "@"
    expect(displayHandle('@SomeHandle')).toBe('@SomeHandle');
  });

  it('keeps channel ids case-sensitive', () => {
    expect(accept(`https://www.youtube.com/channel/${UC}`).key).not.toBe(
      accept(`https://www.youtube.com/channel/${UC.replace('aB', 'Ab')}`).key,
    );
  });
});

describe('YouTube videos are catalogued as posts', () => {
  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PL123&si=abc',
    'https://youtu.be/dQw4w9WgXcQ?si=abcdef',
    'https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ',
    'https://music.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
    'https://www.youtube.com/live/dQw4w9WgXcQ?feature=share',
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
  ])('%s', (input) => {
    const link = accept(input);
    expect(link).toMatchObject({
      platform: 'youtube',
      kind: 'post',
      key: 'youtube:video:dQw4w9WgXcQ',
      canonicalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      post: { id: 'dQw4w9WgXcQ', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    });
    expect(link.note).toContain('channel');
  });
});

describe('YouTube rejections', () => {
  it.each([
    ['https://www.youtube.com/', 'not-a-channel'],
    ['https://www.youtube.com/results?search_query=x', 'not-a-channel'],
    ['https://www.youtube.com/feed/subscriptions', 'not-a-channel'],
    ['https://www.youtube.com/playlist?list=PL123', 'not-a-channel'],
    ['https://www.youtube.com/watch', 'unparseable'],
    ['https://www.youtube.com/watch?v=short', 'unparseable'],
    ['https://youtu.be/', 'not-a-channel'],
    ['https://www.youtube.com/channel/UCshort', 'invalid-handle'],
    ['https://www.youtube.com/@ab', 'invalid-handle'],
    ['https://www.youtube.com/post/UgkxAbC', 'no-channel'],
  ])('%s → %s', (input, code) => {
    expect(refuse(input).code).toBe(code);
  });
});
