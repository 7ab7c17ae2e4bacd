/** X (Twitter) accounts and their posts. */
import { bareHost, pathSegments } from './normalize';
import { found, reject, type PlatformResult } from './types';

const HOSTS = new Set(['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com', 'm.twitter.com']);
const POST_ID = /^[0-9]{1,25}$/;

/** Paths that are X features, not handles. */
const RESERVED = new Set([
  'home',
  'search',
  'explore',
  'notifications',
  'messages',
  'settings',
  'i',
  'login',
  'logout',
  'signup',
  'tos',
  'privacy',
  'compose',
  'hashtag',
  'intent',
  'share',
  'account',
  'jobs',
  'download',
  'about',
  'help',
  'who_to_follow',
  'personalization',
  'oauth',
  'lists',
  'topics',
  'communities',
  'search-advanced',
  'rules',
  'display',
  'keyboard_shortcuts',
  'bookmarks',
  'premium',
  'verified',
]);

export function isXHost(url: URL): boolean {
  return HOSTS.has(bareHost(url));
}

export function parseXUrl(url: URL): PlatformResult {
  const [first, second, third] = pathSegments(url);
  if (first === undefined) return reject('not-a-channel', "This is X's home page, not an account.");
  const word = first.toLowerCase();
  if (word === 'i' && (second === 'web' || second === 'status')) {
    return reject(
      'no-channel',
      'This X link names a post by its number only (/i/web/status/…), so it does not say which account posted it, and that cannot be found offline. Open it and copy the address shown, which includes the account.',
    );
  }
  if (word === 'intent' && (second === 'user' || second === 'follow')) {
    const name = url.searchParams.get('screen_name');
    if (name) return account(name);
  }
  if (RESERVED.has(word)) return reject('not-a-channel', `"x.com/${first}" is an X feature page, not an account.`);
  if ((second === 'status' || second === 'statuses') && third !== undefined) {
    if (!POST_ID.test(third)) return reject('unparseable', `"${third}" is not an X post number.`);
    return account(first, third);
  }
  return account(first);
}

function account(name: string, postId?: string): PlatformResult {
  const rule = 'X handles are 1–15 letters, digits and underscores';
  const bad = [...name].find((c) => !/^[A-Za-z0-9_]$/.test(c));
  if (bad !== undefined) return reject('invalid-handle', `${rule}; "${name}" contains "${bad}".`);
  if (name.length > 15) return reject('invalid-handle', `${rule}; "${name}" is too long (${name.length} characters).`);
  const lower = name.toLowerCase();
  const canonicalUrl = `https://x.com/${lower}`;
  return found({
    platform: 'x',
    kind: 'account',
    key: `x:${lower}`,
    canonicalUrl,
    handle: name,
    ...(postId ? { post: { id: postId, url: `${canonicalUrl}/status/${postId}` } } : {}),
  });
}
