import { describe, expect, it } from 'vitest';
import { accept, refuse } from './helpers';

// Whatever form came in, the canonical URLs it produces must parse back to the same identity.
describe('canonical URLs parse back to the same key', () => {
  it.each([
    '@SomeChannel',
    'tg://resolve?domain=SomeChannel&post=9',
    'https://t.me/SomeChannel/s/3',
    'https://t.me/c/1234567890/7/55',
    'tg://join?invite=ZbQ3Ycs8C3lhMDE0',
    'https://t.me/joinchat/AAAAAEHbEkejzxUjAUCzYA',
    'https://t.me/+6281234567890',
    'https://t.me/addlist/xXk9Gh0mWcU5ZmVi',
    'https://api.whatsapp.com/send?phone=6281234567890',
    'https://www.whatsapp.com/channel/0029VaA1bCdEfGhIjKlMn2o3/120',
    'chat.whatsapp.com/invite/E6Xy9Zabc12DefGhI3jKlm',
    'https://m.facebook.com/Some.Page/posts/pfbid02AbCdEf123',
    'https://www.facebook.com/Some.Page/photos/a.111/2222222/',
    'https://www.facebook.com/story.php?story_fbid=987654321&id=100012345678901',
    'https://www.facebook.com/groups/SomeGroup/permalink/987654321/',
    'https://www.instagram.com/stories/SomeUser/3141592653589793238/',
    'https://www.instagram.com/reel/CxYz123AbC/',
    'https://mobile.twitter.com/SomeUser/status/17',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://www.youtube.com/@Аналитика_Новости',
    'https://www.youtube.com/SomeName',
    'https://www.tiktok.com/@Some.User/video/7300000000000000000',
    'https://vt.tiktok.com/ZSabc123/',
    'http://Example.com:8080/a/?z=1&utm_source=x&a=2#/route',
  ])('%s', (input) => {
    const link = accept(input);
    expect(accept(link.canonicalUrl).key).toBe(link.key);
    if (link.post) {
      const again = accept(link.post.url);
      expect(again.key).toBe(link.key);
      expect(again.post?.id).toBe(link.post.id);
    }
  });
});

describe('links cut short for display are refused rather than misread', () => {
  it.each(['https://t.me/somechann...', 't.me/somechann…', 'https://example.com/long/pa…/x'])('%s', (input) => {
    expect(refuse(input).code).toBe('unparseable');
  });

  it('still strips a single sentence-ending period', () => {
    expect(accept('See https://t.me/somechannel.'.split(' ')[1] ?? '').key).toBe('telegram:somechannel');
  });
});
