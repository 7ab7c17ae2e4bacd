/**
 * Facebook pages, profiles and groups, and posts whose page can be read from the link.
 * Pages and profiles both get kind 'account': a link does not say which one it is.
 */
import { bareHost, pathSegments } from './normalize';
import { found, reject, type PlatformResult } from './types';

const BASE = 'https://www.facebook.com';
const NAME = /^[A-Za-z0-9.]{1,50}$/;
const ID = /^[0-9]{1,20}$/;
const POST_ID = /^(?:pfbid[A-Za-z0-9]+|[0-9]{1,25})$/;
/** Old page URLs end in the page id: facebook.com/Some-Page-Name-123456789012345. */
const LEGACY_PAGE = /^[^/]+-([0-9]{8,20})$/;

/** Paths that are Facebook features, not page or profile names. */
const RESERVED = new Set([
  'login',
  'login.php',
  'logout.php',
  'help',
  'sharer',
  'sharer.php',
  'dialog',
  'plugins',
  'policies',
  'privacy',
  'settings',
  'marketplace',
  'gaming',
  'home.php',
  'notifications',
  'messages',
  'friends',
  'bookmarks',
  'legal',
  'terms',
  'about',
  'careers',
  'recover',
  'checkpoint',
  'business',
  'ads',
  'r.php',
  'reg',
  'search',
  'hashtag',
  'events',
  'media',
  'places',
  'fundraisers',
  'live',
  'saved',
  'memories',
  'feeds',
  'me',
  'watch',
  'reels',
  'stories',
  'pages',
  'groups',
  'people',
  'pg',
  'profile.php',
  'story.php',
  'permalink.php',
  'photo.php',
  'video.php',
  'photo',
  'reel',
  'share',
  'l.php',
  'find-friends',
  'directory',
  'games',
  'latest',
  'menu',
]);

/** Hosts that serve pages and profiles; "id-id.facebook.com" style language hosts do too. */
const PAGE_HOSTS = new Set([
  'facebook.com',
  'm.facebook.com',
  'mbasic.facebook.com',
  'web.facebook.com',
  'touch.facebook.com',
  'mobile.facebook.com',
  'free.facebook.com',
  'business.facebook.com',
  'fb.com',
  'm.fb.com',
]);

export function isFacebookHost(url: URL): boolean {
  const host = bareHost(url);
  return (
    host === 'facebook.com' ||
    host.endsWith('.facebook.com') ||
    host === 'fb.com' ||
    host === 'm.fb.com' ||
    host === 'fb.watch'
  );
}

type Section = 'posts' | 'videos' | 'photos';

export function parseFacebookUrl(url: URL): PlatformResult {
  const host = bareHost(url);
  if (host === 'fb.watch') return noChannel('fb.watch short video link');
  if (host === 'l.facebook.com' || host === 'lm.facebook.com') {
    const target = url.searchParams.get('u');
    return reject(
      'not-a-channel',
      `This is Facebook's redirect to another site${target ? ` (${target})` : ''}; paste that site's link instead.`,
    );
  }
  if (!PAGE_HOSTS.has(host) && !/^[a-z]{2}-[a-z]{2}\.facebook\.com$/.test(host)) {
    return reject('not-a-channel', `"${url.hostname}" is a Facebook service site, not a page, profile or group.`);
  }
  const [first, ...rest] = pathSegments(url);
  if (first === undefined)
    return reject('not-a-channel', "This is Facebook's home page, not a page, profile or group.");
  const word = first.toLowerCase();
  const q = url.searchParams;

  switch (word) {
    case 'profile.php':
      return q.get('id')
        ? byId(q.get('id') ?? '')
        : reject('unparseable', 'This profile.php link has no id= number, so it does not say whose profile it is.');
    case 'people':
    case 'pages':
      // /people/<Name>/<id> and /pages/<Name>/<id>: the number is the identity, the name is display only.
      return rest[1] !== undefined && ID.test(rest[1])
        ? byId(rest[1], rest[0])
        : reject('unparseable', `This /${word}/ link does not end in the numeric id Facebook puts there.`);
    case 'pg':
      return rest[0] ? byName(rest[0]) : reservedPath(first);
    case 'groups':
      return rest[0] ? group(rest) : reservedPath(first);
    case 'story.php':
    case 'permalink.php': {
      const story = q.get('story_fbid') ?? '';
      const ownerId = q.get('id') ?? '';
      if (!ID.test(ownerId)) return noChannel(`${word} link without the owner's id=`);
      if (!POST_ID.test(story))
        return reject(
          'unparseable',
          `This ${word} link has no valid story_fbid=, so it does not say which post it is.`,
        );
      return byId(ownerId, undefined, { id: story, url: `${BASE}/permalink.php?story_fbid=${story}&id=${ownerId}` });
    }
    case 'watch':
      return q.get('v') ? noChannel('video link (watch?v=)') : reservedPath(first);
    case 'reel':
      return noChannel('reel link');
    case 'video.php':
    case 'photo.php':
    case 'photo':
      return noChannel(`${word} link`);
    case 'share':
      return noChannel('share link');
  }
  if (RESERVED.has(word)) return reservedPath(first);
  return pageOrProfile(first, rest);
}

/** /<name>, /<name>/<tab>, /<name>/posts/<id>, /<name>/videos/[<slug>/]<id>, /<name>/photos/[a.<album>/]<id>. */
function pageOrProfile(name: string, rest: string[]): PlatformResult {
  const section = rest[0]?.toLowerCase();
  const last = rest.at(-1) ?? '';
  if ((section === 'posts' || section === 'videos' || section === 'photos') && rest.length > 1 && POST_ID.test(last)) {
    return withPost(name, section, last);
  }
  return owner(name);
}

function owner(name: string): PlatformResult {
  const legacy = LEGACY_PAGE.exec(name);
  return legacy?.[1] ? byId(legacy[1], name) : byName(name);
}

function withPost(name: string, section: Section, postId: string): PlatformResult {
  const page = owner(name);
  if (!page.ok) return page;
  // Numeric owners have a profile.php canonical URL, but their posts live under /<id>/.
  const ID_KEY = 'facebook:id:';
  const root = page.fields.key.startsWith(ID_KEY)
    ? `${BASE}/${page.fields.key.slice(ID_KEY.length)}`
    : page.fields.canonicalUrl;
  return { ok: true, fields: { ...page.fields, post: { id: postId, url: `${root}/${section}/${postId}` } } };
}

function byName(name: string): PlatformResult {
  if (ID.test(name)) return byId(name);
  if (!NAME.test(name)) {
    const bad = [...name].find((c) => !/^[A-Za-z0-9.]$/.test(c));
    return reject(
      'invalid-handle',
      `Facebook page and profile names are letters, digits and periods${bad ? `; "${name}" contains "${bad}"` : `; "${name}" is too long`}.`,
    );
  }
  // Facebook ignores periods and letter case in names: John.Smith55 is johnsmith55.
  const id = name.replace(/\./g, '').toLowerCase();
  if (id.length === 0) return reject('invalid-handle', `"${name}" is not a Facebook page or profile name.`);
  return found({
    platform: 'facebook',
    kind: 'account',
    key: `facebook:${id}`,
    canonicalUrl: `${BASE}/${id}`,
    handle: name,
  });
}

function byId(id: string, handle?: string, post?: { id: string; url: string }): PlatformResult {
  if (!ID.test(id)) return reject('invalid-handle', `Facebook ids are numbers; "${id}" is not one.`);
  return found({
    platform: 'facebook',
    kind: 'account',
    key: `facebook:id:${id}`,
    canonicalUrl: `${BASE}/profile.php?id=${id}`,
    ...(handle ? { handle } : {}),
    ...(post ? { post } : {}),
  });
}

/** /groups/<id or name>[/posts|permalink/<id>]. */
function group([name = '', section, postId]: string[]): PlatformResult {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) {
    return reject(
      'invalid-handle',
      `Facebook group addresses are letters, digits, periods, "-" and "_"; "${name}" is not one.`,
    );
  }
  if (['feed', 'discover', 'joins', 'create', 'search'].includes(name.toLowerCase()))
    return reservedPath(`groups/${name}`);
  const id = name.toLowerCase();
  const canonicalUrl = `${BASE}/groups/${id}`;
  const hasPost = (section === 'posts' || section === 'permalink') && postId !== undefined && POST_ID.test(postId);
  return found({
    platform: 'facebook',
    kind: 'group',
    key: `facebook:group:${id}`,
    canonicalUrl,
    handle: name,
    ...(hasPost ? { post: { id: postId, url: `${canonicalUrl}/posts/${postId}` } } : {}),
  });
}

function reservedPath(path: string): PlatformResult {
  return reject('not-a-channel', `"facebook.com/${path}" is a Facebook feature page, not a page, profile or group.`);
}

function noChannel(what: string): PlatformResult {
  return reject(
    'no-channel',
    `This Facebook ${what} does not say which page or profile posted it, and that cannot be found offline. Open it and copy the page's or profile's address instead.`,
  );
}
