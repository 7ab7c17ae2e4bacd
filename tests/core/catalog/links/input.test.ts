import { describe, expect, it } from 'vitest';
import { parseLink } from '../../../../electron/core/catalog/links';
import { accept, refuse } from './helpers';

describe('input cleanup', () => {
  it.each([
    ['  https://t.me/durov  ', 'telegram:durov'],
    ['<https://t.me/durov>', 'telegram:durov'],
    ['"https://t.me/durov"', 'telegram:durov'],
    ["'t.me/durov'", 'telegram:durov'],
    ['“https://t.me/durov”', 'telegram:durov'],
    ['(https://t.me/durov)', 'telegram:durov'],
    ['https://t.me/durov.', 'telegram:durov'],
    ['https://t.me/durov,', 'telegram:durov'],
    ['https://t.me/durov).', 'telegram:durov'],
    ['https://t.me/durov!?', 'telegram:durov'],
    ['[https://t.me/durov]', 'telegram:durov'],
    ['t.me/durov', 'telegram:durov'],
    ['//t.me/durov', 'telegram:durov'],
    ['https:/t.me/durov', 'telegram:durov'],
    ['hxxps://t[.]me/durov', 'telegram:durov'],
    ['hxxp://example[.]com/page', 'website:example.com/page'],
    ['https://ｔ.ｍｅ/durov', 'telegram:durov'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'website:en.wikipedia.org/wiki/Foo_(bar)'],
    ['https://[2001:db8::1]/x', 'website:[2001:db8::1]/x'],
  ])('%s → %s', (input, key) => {
    expect(accept(input).key).toBe(key);
  });

  it('reports the trimmed original as input', () => {
    expect(accept('  <https://t.me/Durov>.  ').input).toBe('<https://t.me/Durov>.');
  });
});

describe('rejected input', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['""', 'empty'],
    ['<>', 'empty'],
    ['https://example.com/' + 'a'.repeat(2040), 'too-long'],
    ['https://t.me/du\u0000rov', 'control-character'],
    ['https://t.me/durov\nhttps://t.me/other', 'control-character'],
    ['https://t.me/du\u200Brov', 'control-character'],
    ['https://t.me/\u202Edurov', 'control-character'],
    ['javascript:alert(1)', 'unsupported-scheme'],
    ['JavaScript:alert(document.cookie)', 'unsupported-scheme'],
    ['file:///etc/passwd', 'unsupported-scheme'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'unsupported-scheme'],
    ['ftp://example.com/file', 'unsupported-scheme'],
    ['vbscript:msgbox(1)', 'unsupported-scheme'],
    ['mailto:someone@example.com', 'unsupported-scheme'],
    ['chrome://settings', 'unsupported-scheme'],
    ['durov', 'unparseable'],
    ['hello.', 'unparseable'],
    ['someone@example.com', 'unparseable'],
    ['1.2.3', 'unparseable'],
    ['https://t.me/some channel', 'unparseable'],
    ['https://', 'unparseable'],
    ['http://exa mple.com', 'unparseable'],
  ])('%j → %s', (input, code) => {
    const result = parseLink(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.reason.length).toBeGreaterThan(10);
    }
  });

  it('explains itself precisely', () => {
    expect(refuse('durov').reason).toBe(
      '"durov" is a single word, not a link. Write a Telegram username as @durov, or paste the full address.',
    );
    expect(refuse('javascript:alert(1)').reason).toContain('"javascript:" links are not accepted');
    expect(refuse('x'.repeat(2049)).reason).toContain('this input has 2049');
    expect(refuse('https://t.me/du\u202Erov').reason).toContain('U+202E');
  });
});

describe('hostile lookalikes never reach a platform', () => {
  it.each([
    ['https://t.me.evil.com/durov', 'website:t.me.evil.com/durov'],
    ['https://evil.com/t.me/durov', 'website:evil.com/t.me/durov'],
    ['https://evil.com/?next=https://t.me/durov', 'website:evil.com?next=https%3A%2F%2Ft.me%2Fdurov'],
    ['https://evil.com#@t.me', 'website:evil.com'],
    ['https://evil.com\\@t.me/durov', 'website:evil.com/@t.me/durov'],
    ['https://xt.me/durov', 'website:xt.me/durov'],
    ['https://telegram.me.evil.com/durov', 'website:telegram.me.evil.com/durov'],
    ['https://durov.t.me.evil.com/', 'website:durov.t.me.evil.com'],
    ['https://faketelegram.me/durov', 'website:faketelegram.me/durov'],
    ['https://facebook.com.evil.com/somepage', 'website:facebook.com.evil.com/somepage'],
    ['https://evilfacebook.com/somepage', 'website:evilfacebook.com/somepage'],
    ['https://wa.me.evil.com/6281234567890', 'website:wa.me.evil.com/6281234567890'],
    ['https://youtube.com.evil.com/@somehandle', 'website:youtube.com.evil.com/@somehandle'],
    ['https://x.com.evil.com/someuser', 'website:x.com.evil.com/someuser'],
    ['https://instagram.com-login.net/someuser', 'website:instagram.com-login.net/someuser'],
    ['https://t.me:8443/durov', 'website:t.me:8443/durov'],
  ])('%s → %s', (input, key) => {
    const link = accept(input);
    expect(link.platform).toBe('website');
    expect(link.key).toBe(key);
  });

  it.each([
    'https://t.mе/durov',
    'https://telegrаm.me/durov',
    'https://х.com/someuser',
    'https://fаcebook.com/somepage',
  ])('IDN lookalike %s stays a website with an xn-- host and a warning', (input) => {
    const link = accept(input);
    expect(link.platform).toBe('website');
    expect(link.key).toMatch(/xn--/);
    expect(link.note).toContain('non-Latin');
  });

  it.each([
    ['https://t.me@evil.com', 'userinfo'],
    ['https://t.me:durov@evil.com/x', 'userinfo'],
    ['t.me@evil.com/durov', 'userinfo'],
    ['https://www.facebook.com@evil.com/page', 'userinfo'],
  ])('userinfo %s → %s', (input, code) => {
    const error = refuse(input);
    expect(error.code).toBe(code);
    expect(error.reason).toContain('evil.com');
  });
});
