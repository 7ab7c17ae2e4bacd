/** TikTok accounts, their videos, and short links. */
import { bareHost, pathSegments } from './normalize';
import { found, reject, type PlatformResult } from './types';

const BASE = 'https://www.tiktok.com';
const POST_ID = /^[0-9]{1,25}$/;
const SHORT_CODE = /^[A-Za-z0-9]{5,20}$/;

export function isTikTokHost(url: URL): boolean {
  const host = bareHost(url);
  return host === 'tiktok.com' || host === 'm.tiktok.com' || host === 'vm.tiktok.com' || host === 'vt.tiktok.com';
}

export function parseTikTokUrl(url: URL): PlatformResult {
  const host = bareHost(url);
  const [first, second, third] = pathSegments(url);
  if (host === 'vm.tiktok.com' || host === 'vt.tiktok.com') {
    return first ? short(first, host === 'vm.tiktok.com' ? '' : 'vt:', `https://${host}/${first}`) : home();
  }
  if (first === undefined) return home();
  if (first === 't' && second !== undefined) return short(second, 't:', `${BASE}/t/${second}`);
  if (first.startsWith('@')) {
    if ((second === 'video' || second === 'photo') && third !== undefined) {
      if (!POST_ID.test(third)) return reject('unparseable', `"${third}" is not a TikTok video number.`);
      return account(first.slice(1), { kind: second, id: third });
    }
    return account(first.slice(1));
  }
  if (first === 'embed' || first === 'v' || first === 'video') {
    return reject(
      'no-channel',
      'This TikTok embed link names a video but not its account, and that cannot be found offline. Open it and copy the address with the @account in it.',
    );
  }
  return reject(
    'not-a-channel',
    `"tiktok.com/${first}" is a TikTok feature page, not an account; accounts are written tiktok.com/@name.`,
  );
}

function home(): PlatformResult {
  return reject('not-a-channel', "This is TikTok's home page, not an account.");
}

function account(name: string, post?: { kind: 'video' | 'photo'; id: string }): PlatformResult {
  const rule = 'TikTok usernames are 2–24 letters, digits, underscores and periods';
  const bad = [...name].find((c) => !/^[A-Za-z0-9_.]$/.test(c));
  if (bad !== undefined) return reject('invalid-handle', `${rule}; "@${name}" contains "${bad}".`);
  if (name.length < 2 || name.length > 24) return reject('invalid-handle', `${rule}; "@${name}" has ${name.length}.`);
  if (name.endsWith('.'))
    return reject('invalid-handle', `TikTok usernames cannot end with a period; "@${name}" does.`);
  const lower = name.toLowerCase();
  const canonicalUrl = `${BASE}/@${lower}`;
  return found({
    platform: 'tiktok',
    kind: 'account',
    key: `tiktok:${lower}`,
    canonicalUrl,
    handle: name,
    ...(post ? { post: { id: post.id, url: `${canonicalUrl}/${post.kind}/${post.id}` } } : {}),
  });
}

/**
 * Short links hide the account and video until TikTok redirects them, which needs the network.
 * They are catalogued as posts keyed by their code; vt. and /t/ codes keep their own prefix
 * because nothing guarantees the three shorteners share one code space.
 */
function short(code: string, space: '' | 'vt:' | 't:', url: string): PlatformResult {
  if (!SHORT_CODE.test(code))
    return reject('unparseable', `"${code}" is not a TikTok short link code (5–20 letters and digits).`);
  return found({
    platform: 'tiktok',
    kind: 'post',
    key: `tiktok:short:${space}${code}`,
    canonicalUrl: url,
    post: { id: code, url },
    note: 'TikTok short links hide the account they belong to; it cannot be found offline. Open the link to find the account.',
  });
}
