/**
 * Input cleanup and scheme handling: turns whatever an analyst pasted into a parsed URL, a bare
 * @handle, or a precise error. Knows nothing about platforms.
 */
import type { LinkError } from './types';

export const MAX_INPUT_LENGTH = 2048;

export type Classified =
  | { type: 'handle'; handle: string }
  | { type: 'tg'; url: URL }
  | { type: 'web'; url: URL }
  | { type: 'error'; error: LinkError };

const err = (code: LinkError['code'], reason: string): Classified => ({ type: 'error', error: { code, reason } });

/** Describes the first control or invisible formatting character, or returns null. */
export function findControlCharacter(text: string): string | null {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const hex = 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
    if (c === 0x0a || c === 0x0d) return 'a line break';
    if (c === 0x09) return 'a tab';
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return `a control character (${hex})`;
    // Invisible characters are a classic way to make two different links look identical.
    if ((c >= 0x200b && c <= 0x200f) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff || c === 0x00ad) {
      return `an invisible character (${hex})`;
    }
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      return `an invisible text-direction control (${hex})`;
  }
  return null;
}

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['<', '>'],
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['“', '”'],
  ['‘', '’'],
  ['«', '»'],
  ['(', ')'],
  ['[', ']'],
];
const LEADING = new Set(['<', '"', "'", '`', '“', '‘', '«', '(', '[', '{']);
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', '>', '"', "'", '`', '”', '’', '»', '}']);

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** Strips surrounding brackets/quotes and sentence punctuation that is not part of the link. */
export function stripDecoration(text: string): string {
  let s = text.trim();
  for (;;) {
    const before = s;
    for (const [open, close] of PAIRS) {
      if (s.length >= 2 && s.startsWith(open) && s.endsWith(close)) s = s.slice(open.length, -close.length).trim();
    }
    while (s.length > 0 && LEADING.has(s[0] ?? '')) s = s.slice(1).trim();
    for (;;) {
      const last = s.at(-1) ?? '';
      // Parentheses and brackets can belong to a URL (Wikipedia titles, IPv6 hosts): strip only unbalanced ones.
      const unbalanced =
        (last === ')' && count(s, '(') < count(s, ')')) || (last === ']' && count(s, '[') < count(s, ']'));
      // "t.me/somechann..." is a link cut short for display, not a sentence end: keep the dots so
      // classify() can refuse it instead of cataloguing the wrong, shorter name.
      if (s.length === 0 || s.endsWith('..') || !(TRAILING.has(last) || unbalanced)) break;
      s = s.slice(0, -1).trimEnd();
    }
    if (s === before) return s;
  }
}

/**
 * Threat reports "defang" links so nobody clicks them: hxxps://t[.]me/x. Analysts paste those
 * straight from the report, so they are turned back into the link they stand for.
 */
export function refang(text: string): string {
  return text
    .replace(/^hxxp(s?)(?=:|\[:\])/i, 'http$1')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]/gi, '.')
    .replace(/\[:\]/g, ':');
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const PORT_AFTER_HOST = /^\d+(?:[/?#]|$)/;
const EMAIL = /^[^\s@/:?#]+@[^\s@/:?#]+\.[^\s@/:?#]+$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/i;
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})\.?$/iu;

function bareHostProblem(text: string): string | null {
  const authority = text.split(/[/?#]/)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d+$/, '');
  if (IPV4.test(host) || IPV6.test(host) || /^localhost$/i.test(host) || DOMAIN.test(host)) return null;
  if (!host.includes('.')) {
    const advice = /^[A-Za-z][A-Za-z0-9_]*$/.test(text)
      ? `Write a Telegram username as @${text}, or paste the full address.`
      : 'Paste the full address, such as https://example.com/page.';
    return `"${text}" is a single word, not a link. ${advice}`;
  }
  return `"${host}" is not a valid web address: a host name needs a domain ending such as ".com", or an IP address.`;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Classifies one already-cleaned token. */
export function classify(text: string): Classified {
  if (/\.{2,}$|…/.test(text)) {
    return err(
      'unparseable',
      `"${text}" looks cut short (it has "…" or ends in ".."). Open the full link and copy its whole address.`,
    );
  }
  // A bare @name is Telegram: that is how Telegram writes public usernames, and Telegram is
  // where this unit's work overwhelmingly happens. Other platforms' handles need a full URL.
  if (text.startsWith('@')) return { type: 'handle', handle: text.slice(1) };

  const scheme = SCHEME.exec(text);
  const name = scheme?.[1]?.toLowerCase() ?? '';
  const rest = scheme ? text.slice(scheme[0].length) : '';
  // "example.com:8080/x" looks like a scheme followed by a port; it is a host without a scheme.
  const hasScheme = scheme !== null && !name.includes('.') && !PORT_AFTER_HOST.test(rest);
  if (hasScheme && name !== 'http' && name !== 'https' && name !== 'tg') {
    return err(
      'unsupported-scheme',
      `"${name}:" links are not accepted: only web addresses (http:// or https://) and Telegram tg:// links can be catalogued.`,
    );
  }
  if (/\s/.test(text))
    return err('unparseable', `Links cannot contain spaces; "${text}" has one. Paste one link per line.`);

  if (hasScheme) {
    if (name === 'http' || name === 'https') {
      const url = parseUrl(text);
      return url && url.hostname ? checkWeb(url) : err('unparseable', `"${text}" is not a valid web address.`);
    }
    if (name === 'tg') {
      const url = parseUrl(text);
      return url ? { type: 'tg', url } : err('unparseable', `"${text}" is not a valid Telegram tg: link.`);
    }
  }

  if (text.startsWith('//')) {
    const url = parseUrl('https:' + text);
    return url && url.hostname ? checkWeb(url) : err('unparseable', `"${text}" is not a valid web address.`);
  }
  if (EMAIL.test(text)) return err('unparseable', `"${text}" is an email address, not a link.`);
  const problem = bareHostProblem(text);
  if (problem) return err('unparseable', problem);
  const url = parseUrl('https://' + text);
  return url && url.hostname ? checkWeb(url) : err('unparseable', `"${text}" is not a valid web address.`);
}

function checkWeb(url: URL): Classified {
  if (url.username || url.password) {
    const shown = decodeSafe(url.username) + (url.password ? ':…' : '');
    return err(
      'userinfo',
      `This link hides its real destination: "${shown}" before the "@" is only a user name, and the link actually opens ${url.hostname}. Remove the part before "@" if you mean that site.`,
    );
  }
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  return { type: 'web', url };
}

export function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Non-empty, percent-decoded path segments. */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map(decodeSafe);
}

/** Host without a leading "www.", for matching against a platform's host list. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^www\./, '');
}
