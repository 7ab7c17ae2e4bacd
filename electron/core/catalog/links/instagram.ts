/** Instagram accounts, their posts and stories. */
import { bareHost, pathSegments } from './normalize';
import { found, reject, type PlatformResult } from './types';

const BASE = 'https://www.instagram.com';
const SHORTCODE = /^[A-Za-z0-9_-]{5,50}$/;
const STORY_ID = /^[0-9]{1,25}$/;
const POST_PATHS = new Set(['p', 'reel', 'reels', 'tv']);

/** Paths that are Instagram features, not usernames. */
const RESERVED = new Set([
  'explore',
  'accounts',
  'direct',
  'about',
  'legal',
  'developer',
  'privacy',
  'terms',
  'web',
  'emails',
  'challenge',
  'session',
  'oauth',
  'graphql',
  'api',
  'static',
  'create',
  'lite',
  'nametag',
  'directory',
  'press',
  'help',
  's',
  'stories',
  'ar',
  'topics',
  'invites',
  'contact',
  'reels',
  'p',
  'reel',
  'tv',
  'login',
  'signup',
  'download',
]);

export function isInstagramHost(url: URL): boolean {
  const host = bareHost(url);
  return host === 'instagram.com' || host.endsWith('.instagram.com') || host === 'instagr.am';
}

export function parseInstagramUrl(url: URL): PlatformResult {
  const host = bareHost(url);
  if (host !== 'instagram.com' && host !== 'm.instagram.com' && host !== 'instagr.am') {
    return reject('not-a-channel', `"${url.hostname}" is an Instagram service site, not an account.`);
  }
  const [first, second, third] = pathSegments(url);
  if (first === undefined) return reject('not-a-channel', "This is Instagram's home page, not an account.");
  const word = first.toLowerCase();

  if (POST_PATHS.has(word) && second !== undefined) return postOnly(second);
  if (word === 'stories' && second !== undefined) {
    if (second.toLowerCase() === 'highlights') {
      return reject(
        'no-channel',
        "This Instagram highlight link does not say whose highlight it is, and that cannot be found offline. Open it and copy the account's address instead.",
      );
    }
    if (third === undefined) return account(second);
    if (!STORY_ID.test(third)) return reject('unparseable', `"${third}" is not an Instagram story number.`);
    return account(second, { id: `story:${third}`, url: `${BASE}/stories/${second.toLowerCase()}/${third}` });
  }
  // instagram.com/_u/<name> is the app's deep link to a profile.
  if (word === '_u' && second !== undefined) return account(second);
  if (RESERVED.has(word)) {
    return reject('not-a-channel', `"instagram.com/${first}" is an Instagram feature page, not an account.`);
  }
  if (second !== undefined && POST_PATHS.has(second.toLowerCase()) && third !== undefined) {
    if (!SHORTCODE.test(third)) return badShortcode(third);
    return account(first, { id: third, url: `${BASE}/p/${third}` });
  }
  return account(first);
}

function usernameProblem(name: string): string | null {
  const rule = 'Instagram usernames are 1–30 letters, digits, periods and underscores';
  const bad = [...name].find((c) => !/^[A-Za-z0-9._]$/.test(c));
  if (bad !== undefined) return `${rule}; "${name}" contains "${bad}".`;
  if (name.length > 30) return `${rule}; "${name}" is too long (${name.length} characters).`;
  if (name.startsWith('.') || name.endsWith('.'))
    return `Instagram usernames cannot start or end with a period; "${name}" does.`;
  if (name.includes('..')) return `Instagram usernames cannot contain two periods in a row; "${name}" does.`;
  return null;
}

function account(name: string, post?: { id: string; url: string }): PlatformResult {
  const problem = usernameProblem(name);
  if (problem) return reject('invalid-handle', problem);
  const lower = name.toLowerCase();
  return found({
    platform: 'instagram',
    kind: 'account',
    key: `instagram:${lower}`,
    canonicalUrl: `${BASE}/${lower}`,
    handle: name,
    ...(post ? { post } : {}),
  });
}

/**
 * /p/<code> and /reel/<code> name a post but not its account. Like a YouTube video, the shortcode
 * is a stable global id, so it is catalogued as a post of its own rather than rejected.
 */
function postOnly(code: string): PlatformResult {
  if (!SHORTCODE.test(code)) return badShortcode(code);
  const url = `${BASE}/p/${code}`;
  return found({
    platform: 'instagram',
    kind: 'post',
    key: `instagram:post:${code}`,
    canonicalUrl: url,
    post: { id: code, url },
    note: 'This Instagram link names a post but not the account that posted it; that cannot be found offline.',
  });
}

function badShortcode(code: string): PlatformResult {
  return reject('unparseable', `"${code}" is not an Instagram post code (letters, digits, "-" and "_").`);
}
