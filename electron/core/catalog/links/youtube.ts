/**
 * YouTube channels (@handle, /channel/UC…, /c/, /user/, legacy /<name>) and videos.
 *
 * A video link does not name its channel, and finding it needs the network. Videos are still
 * catalogued: as kind 'post' with key youtube:video:<id>, so the same video pasted twice is one
 * entry, and the analyst can attach it to its channel later.
 */
import { bareHost, pathSegments } from './normalize';
import { found, reject, type PlatformResult } from './types';

const BASE = 'https://www.youtube.com';
const HOSTS = new Set(['youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com', 'youtu.be']);
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
const HANDLE = /^[\p{L}\p{M}\p{N}_.\-·]{3,30}$/u;
const NAME = /^[\p{L}\p{M}\p{N}_.-]{1,100}$/u;
const VIDEO_PATHS = new Set(['shorts', 'live', 'embed', 'v', 'e']);

/** Paths that are YouTube features, not legacy custom channel names. */
const RESERVED = new Set([
  'results',
  'feed',
  'playlist',
  'account',
  'premium',
  'about',
  't',
  'howyoutubeworks',
  'signin',
  'logout',
  'upload',
  'redirect',
  'attribution_link',
  'hashtag',
  'gaming',
  'kids',
  'watch',
  'shorts',
  'live',
  'embed',
  'v',
  'e',
  'channel',
  'c',
  'user',
  'post',
  'source',
  'ads',
  'creators',
  'yt',
  'new',
  'trending',
  'music',
  'store',
  'oembed',
  'supported_browsers',
  'pagead',
  'live_chat',
  'copyright',
  'reporthistory',
  'paid_memberships',
  'youtubei',
  's',
  'tv',
  'studio',
  'podcasts',
  'playables',
  'courses',
]);

export function isYouTubeHost(url: URL): boolean {
  return HOSTS.has(bareHost(url));
}

export function parseYouTubeUrl(url: URL): PlatformResult {
  const segments = pathSegments(url);
  const [first, second] = segments;
  if (bareHost(url) === 'youtu.be') {
    return first ? video(first) : reject('not-a-channel', 'This youtu.be link has no video id after the "/".');
  }
  if (first === undefined) return reject('not-a-channel', "This is YouTube's home page, not a channel.");
  const word = first.toLowerCase();

  if (word === 'watch') {
    const v = url.searchParams.get('v');
    return v ? video(v) : reject('unparseable', 'This YouTube watch link has no v= video id.');
  }
  if (VIDEO_PATHS.has(word) && second !== undefined) return video(second);
  if (first.startsWith('@')) return handle(first.slice(1));
  if (word === 'channel' && second !== undefined) return channelId(second);
  if ((word === 'c' || word === 'user') && second !== undefined) return named(word, second);
  if (word === 'post') {
    return reject(
      'no-channel',
      "This YouTube community post link does not say which channel posted it, and that cannot be found offline. Copy the channel's address instead.",
    );
  }
  if (word === 'playlist')
    return reject('not-a-channel', 'This is a YouTube playlist, not a channel. Paste the channel or a video instead.');
  if (RESERVED.has(word))
    return reject('not-a-channel', `"youtube.com/${first}" is a YouTube feature page, not a channel.`);
  // youtube.com/<name> is the short form of the custom URL youtube.com/c/<name>.
  return named('c', first);
}

function handle(name: string): PlatformResult {
  if (!HANDLE.test(name)) {
    return reject(
      'invalid-handle',
      `YouTube handles are 3–30 letters, digits, "_", "-" and "."; "@${name}" is not one.`,
    );
  }
  const lower = name.toLowerCase();
  return found({
    platform: 'youtube',
    kind: 'channel',
    key: `youtube:@${lower}`,
    canonicalUrl: `${BASE}/@${encodeURIComponent(lower)}`,
    handle: name,
  });
}

function channelId(id: string): PlatformResult {
  if (!CHANNEL_ID.test(id)) {
    return reject(
      'invalid-handle',
      `YouTube channel ids are "UC" followed by 22 letters, digits, "-" or "_"; "${id}" is not one.`,
    );
  }
  // Channel ids are case-sensitive: the key keeps the case.
  return found({
    platform: 'youtube',
    kind: 'channel',
    key: `youtube:channel:${id}`,
    canonicalUrl: `${BASE}/channel/${id}`,
  });
}

function named(prefix: 'c' | 'user', name: string): PlatformResult {
  if (!NAME.test(name))
    return reject('invalid-handle', `"${name}" is not a YouTube channel name (letters, digits, ".", "-" and "_").`);
  const lower = name.toLowerCase();
  return found({
    platform: 'youtube',
    kind: 'channel',
    key: `youtube:${prefix}:${lower}`,
    canonicalUrl: `${BASE}/${prefix}/${encodeURIComponent(lower)}`,
    handle: name,
  });
}

function video(id: string): PlatformResult {
  if (!VIDEO_ID.test(id))
    return reject('unparseable', `YouTube video ids are 11 letters, digits, "-" or "_"; "${id}" is not one.`);
  const url = `${BASE}/watch?v=${id}`;
  return found({
    platform: 'youtube',
    kind: 'post',
    key: `youtube:video:${id}`,
    canonicalUrl: url,
    post: { id, url },
    note: 'This YouTube link names a video but not its channel; the channel cannot be found offline.',
  });
}
