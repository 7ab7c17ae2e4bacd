import { describe, expect, it } from 'vitest';
import { accept, refuse } from './helpers';

describe('Telegram: the four everyday forms land on one key', () => {
  it.each(['https://t.me/s/SomeChannel', 't.me/somechannel/123', '@SomeChannel', 'https://telegram.me/somechannel'])(
    '%s',
    (input) => {
      const link = accept(input);
      expect(link.platform).toBe('telegram');
      expect(link.kind).toBe('channel');
      expect(link.key).toBe('telegram:somechannel');
      expect(link.canonicalUrl).toBe('https://t.me/somechannel');
    },
  );
});

describe('Telegram public usernames and posts', () => {
  it.each([
    ['https://t.me/durov', 'telegram:durov', null],
    ['http://t.me/durov', 'telegram:durov', null],
    ['HTTPS://T.ME/Durov', 'telegram:durov', null],
    ['t.me/durov/', 'telegram:durov', null],
    ['www.t.me/durov', 'telegram:durov', null],
    ['https://www.telegram.me/durov', 'telegram:durov', null],
    ['https://telegram.dog/durov', 'telegram:durov', null],
    ['https://www.telegram.dog/Durov', 'telegram:durov', null],
    ['https://t.me/durov?start=abc', 'telegram:durov', null],
    ['https://t.me/durov?boost', 'telegram:durov', null],
    ['https://t.me/durov#fragment', 'telegram:durov', null],
    ['https://t.me:443/durov', 'telegram:durov', null],
    ['https://t.me./durov', 'telegram:durov', null],
    ['https://t.me/s/durov', 'telegram:durov', null],
    ['https://t.me/s/durov?before=120', 'telegram:durov', null],
    ['https://t.me/durov/123', 'telegram:durov', '123'],
    ['https://t.me/durov/123?single', 'telegram:durov', '123'],
    ['https://t.me/durov/123?comment=456', 'telegram:durov', '123'],
    ['https://t.me/durov/123?thread=7', 'telegram:durov', '123'],
    ['https://t.me/durov/123?utm_source=tg&t=1m20s', 'telegram:durov', '123'],
    ['https://t.me/durov/7/123', 'telegram:durov', '123'],
    ['https://t.me/s/durov/123', 'telegram:durov', '123'],
    ['https://durov.t.me', 'telegram:durov', null],
    ['https://durov.t.me/123', 'telegram:durov', '123'],
    ['https://t.me/durov/s/15', 'telegram:durov', 'story:15'],
    ['https://t.me/durov/a/3', 'telegram:durov', null],
    ['https://t.me/boost/durov', 'telegram:durov', null],
    ['https://web.telegram.org/k/#@durov', 'telegram:durov', null],
    ['@durov', 'telegram:durov', null],
    ['@Jejak_Test_01', 'telegram:jejak_test_01', null],
    ['tg://resolve?domain=durov', 'telegram:durov', null],
    ['tg://resolve?domain=durov&post=42', 'telegram:durov', '42'],
    ['tg:resolve?domain=Durov&post=42&thread=3', 'telegram:durov', '42'],
    ['tg://resolve?domain=durov&story=9', 'telegram:durov', 'story:9'],
    ['tg://boost?domain=durov', 'telegram:durov', null],
  ])('%s → %s', (input, key, postId) => {
    const link = accept(input);
    expect(link.platform).toBe('telegram');
    expect(link.kind).toBe('channel');
    expect(link.key).toBe(key);
    expect(link.canonicalUrl).toBe(`https://t.me/${key.slice('telegram:'.length)}`);
    expect(link.post?.id ?? null).toBe(postId);
    expect(link.input).toBe(input);
  });

  it('keeps the handle as typed and builds canonical post URLs', () => {
    const link = accept('https://t.me/s/SomeChannel/55?single');
    expect(link.handle).toBe('SomeChannel');
    expect(link.post).toEqual({ id: '55', url: 'https://t.me/somechannel/55' });
    expect(accept('t.me/SomeChannel/s/4').post).toEqual({ id: 'story:4', url: 'https://t.me/somechannel/s/4' });
  });
});

describe('Telegram private channels, invites, phones and folders', () => {
  it.each([
    ['https://t.me/c/1234567890/55', 'telegram:c:1234567890', 'channel', '55'],
    ['https://t.me/c/1234567890/9/55', 'telegram:c:1234567890', 'channel', '55'],
    ['https://t.me/c/1234567890/55?thread=9', 'telegram:c:1234567890', 'channel', '55'],
    ['https://t.me/c/1234567890', 'telegram:c:1234567890', 'channel', null],
    ['https://t.me/boost?c=1234567890', 'telegram:c:1234567890', 'channel', null],
    ['tg://privatepost?channel=1234567890&post=55', 'telegram:c:1234567890', 'channel', '55'],
    ['tg://boost?channel=1234567890', 'telegram:c:1234567890', 'channel', null],
    ['https://web.telegram.org/a/#-1001234567890', 'telegram:c:1234567890', 'channel', null],
    ['https://t.me/joinchat/AAAAAEHbEkejzxUjAUCzYA', 'telegram:invite:AAAAAEHbEkejzxUjAUCzYA', 'invite', null],
    ['https://t.me/+ZbQ3Ycs8C3lhMDE0', 'telegram:invite:ZbQ3Ycs8C3lhMDE0', 'invite', null],
    ['t.me/+zbq3ycs8c3lhmde0', 'telegram:invite:zbq3ycs8c3lhmde0', 'invite', null],
    ['https://t.me/%2BZbQ3Ycs8C3lhMDE0', 'telegram:invite:ZbQ3Ycs8C3lhMDE0', 'invite', null],
    ['tg://join?invite=ZbQ3Ycs8C3lhMDE0', 'telegram:invite:ZbQ3Ycs8C3lhMDE0', 'invite', null],
    ['https://t.me/+6281234567890', 'telegram:phone:6281234567890', 'account', null],
    ['tg://resolve?phone=6281234567890', 'telegram:phone:6281234567890', 'account', null],
    ['https://t.me/addlist/xXk9Gh0mWcU5ZmVi', 'telegram:addlist:xXk9Gh0mWcU5ZmVi', 'invite', null],
    ['tg://addlist?slug=xXk9Gh0mWcU5ZmVi', 'telegram:addlist:xXk9Gh0mWcU5ZmVi', 'invite', null],
  ])('%s → %s', (input, key, kind, postId) => {
    const link = accept(input);
    expect(link.platform).toBe('telegram');
    expect(link.key).toBe(key);
    expect(link.kind).toBe(kind);
    expect(link.post?.id ?? null).toBe(postId);
  });

  it('keeps invite hashes case-sensitive and gives both invite forms one canonical URL', () => {
    expect(accept('t.me/+AbCdEfGh12').key).not.toBe(accept('t.me/+abcdefgh12').key);
    expect(accept('t.me/joinchat/AbCdEfGh12').canonicalUrl).toBe('https://t.me/+AbCdEfGh12');
    expect(accept('t.me/c/777/5').post).toEqual({ id: '5', url: 'https://t.me/c/777/5' });
  });
});

describe('Telegram rejections', () => {
  it.each([
    ['@ab', 'invalid-handle', '"ab" is too short'],
    ['t.me/abcd', 'invalid-handle', 'too short'],
    ['@' + 'a'.repeat(33), 'invalid-handle', 'too long (33 characters)'],
    ['@1channel', 'invalid-handle', 'start with a letter'],
    ['@_channel', 'invalid-handle', 'start with a letter'],
    ['@channel_', 'invalid-handle', 'end with an underscore'],
    ['@chan__nel', 'invalid-handle', 'two underscores'],
    ['@chan-nel', 'invalid-handle', 'contains "-"'],
    ['@', 'invalid-handle', 'missing'],
    ['https://t.me/', 'not-a-channel', 'home page'],
    ['https://t.me/share/url?url=https://example.com', 'not-a-channel', 'share link'],
    ['https://t.me/share?url=x', 'not-a-channel', 'share link'],
    ['https://t.me/proxy?server=1.2.3.4&port=443&secret=ab', 'not-a-channel', 'proxy'],
    ['https://t.me/socks?server=1.2.3.4&port=1080', 'not-a-channel', 'proxy'],
    ['https://t.me/setlanguage/id', 'not-a-channel', 'language pack'],
    ['https://t.me/addstickers/Animals', 'not-a-channel', 'sticker set'],
    ['https://t.me/addemoji/Flags', 'not-a-channel', 'emoji'],
    ['https://t.me/login/12345', 'not-a-channel', 'login'],
    ['https://t.me/invoice/abcdef', 'not-a-channel', 'payment'],
    ['https://t.me/$abcdef', 'not-a-channel', 'invoice'],
    ['https://t.me/contact/AbCdEf', 'not-a-channel', 'online'],
    ['https://t.me/m/AbCdEf', 'not-a-channel', 'business chat'],
    ['https://t.me/iv?url=https://example.com&rhash=1', 'not-a-channel', 'Instant View'],
    ['https://addstickers.t.me/Animals', 'not-a-channel', 'not a username'],
    ['https://a.b.t.me/', 'not-a-channel', 'not a username'],
    ['https://t.me/joinchat/', 'unparseable', 'joinchat/'],
    ['https://t.me/+', 'unparseable', 'missing'],
    ['https://t.me/addlist', 'unparseable', 'addlist/'],
    ['https://t.me/boost', 'unparseable', 'boost/'],
    ['https://t.me/c/', 'unparseable', 'c/'],
    ['https://t.me/c/abc/5', 'invalid-handle', 'not a channel number'],
    ['https://t.me/c/123/abc', 'unparseable', 'message number'],
    ['https://t.me/durov/abc', 'unparseable', 'not a message number'],
    ['https://t.me/durov/s/', 'unparseable', 'story number'],
    ['https://t.me/+123', 'invalid-handle', '5–15 digits'],
    ['https://t.me/+ab!cd', 'invalid-handle', 'invite codes'],
    ['tg://resolve', 'unparseable', 'domain='],
    ['tg://msg_url?url=https://example.com', 'not-a-channel', 'does not name a channel'],
    ['tg://resolve?domain=durov&post=abc', 'unparseable', 'not a Telegram message'],
    ['https://web.telegram.org/k/', 'not-a-channel', 'Info'],
  ])('%s → %s', (input, code, fragment) => {
    const error = refuse(input);
    expect(error.code).toBe(code);
    expect(error.reason).toContain(fragment);
  });

  it('explains the username rule in full', () => {
    expect(refuse('@ab').reason).toBe(
      'Telegram usernames are 5–32 characters of letters, digits and underscores; "ab" is too short.',
    );
  });
});
