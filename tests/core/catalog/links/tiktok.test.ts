import { describe, expect, it } from 'vitest';
import { accept, refuse } from './helpers';

describe('TikTok', () => {
  it.each([
    ['https://www.tiktok.com/@Some.User', 'tiktok:some.user', 'account', null],
    ['tiktok.com/@someuser?lang=id', 'tiktok:someuser', 'account', null],
    ['https://m.tiktok.com/@someuser', 'tiktok:someuser', 'account', null],
    [
      'https://www.tiktok.com/@someuser/video/7300000000000000000?is_from_webapp=1&sender_device=pc',
      'tiktok:someuser',
      'account',
      '7300000000000000000',
    ],
    ['https://www.tiktok.com/@someuser/photo/7300000000000000000', 'tiktok:someuser', 'account', '7300000000000000000'],
    ['https://vm.tiktok.com/ZMabc123/', 'tiktok:short:ZMabc123', 'post', 'ZMabc123'],
    ['https://vt.tiktok.com/ZSabc123/', 'tiktok:short:vt:ZSabc123', 'post', 'ZSabc123'],
    ['https://www.tiktok.com/t/ZTabc123/', 'tiktok:short:t:ZTabc123', 'post', 'ZTabc123'],
  ])('%s → %s', (input, key, kind, postId) => {
    const link = accept(input);
    expect(link).toMatchObject({ platform: 'tiktok', key, kind });
    expect(link.post?.id ?? null).toBe(postId);
  });

  it('builds canonical URLs and says short links hide the account', () => {
    const video = accept('https://www.tiktok.com/@SomeUser/video/73?_r=1');
    expect(video.canonicalUrl).toBe('https://www.tiktok.com/@someuser');
    expect(video.post?.url).toBe('https://www.tiktok.com/@someuser/video/73');
    const short = accept('https://vm.tiktok.com/ZMabc123/');
    expect(short.canonicalUrl).toBe('https://vm.tiktok.com/ZMabc123');
    expect(short.note).toContain('cannot be found offline');
  });

  it.each([
    ['https://www.tiktok.com/', 'not-a-channel'],
    ['https://www.tiktok.com/explore', 'not-a-channel'],
    ['https://www.tiktok.com/tag/news', 'not-a-channel'],
    ['https://www.tiktok.com/@a', 'invalid-handle'],
    ['https://www.tiktok.com/@some-user', 'invalid-handle'],
    ['https://www.tiktok.com/@someuser./video/1', 'invalid-handle'],
    ['https://www.tiktok.com/embed/v2/7300000000000000000', 'no-channel'],
    ['https://vm.tiktok.com/', 'not-a-channel'],
  ])('%s → %s', (input, code) => {
    expect(refuse(input).code).toBe(code);
  });
});
