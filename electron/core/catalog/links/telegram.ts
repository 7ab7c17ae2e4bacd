/**
 * Telegram t.me links (https://core.telegram.org/api/links), bare @usernames and web.telegram.org
 * addresses. tg: links are in telegram-tg.ts and share the builders below.
 *
 * A public username gets kind 'channel' whether it belongs to a channel, a group, a user or a bot:
 * the link alone cannot tell them apart offline, and nearly everything catalogued here is a channel.
 */
import { bareHost, decodeSafe, pathSegments } from './normalize';
import {
  CHANNEL_ID,
  INVITE_HASH,
  isUsernameSubdomain,
  MESSAGE_ID,
  PHONE,
  RESERVED_PATHS,
  telegramUsernameProblem,
} from './telegram-names';
import { found, reject, type PlatformResult } from './types';

const HOSTS = new Set(['t.me', 'telegram.me', 'telegram.dog']);

export function isTelegramHost(url: URL): boolean {
  const host = bareHost(url);
  return HOSTS.has(host) || host === 'web.telegram.org' || url.hostname.endsWith('.t.me');
}

/** A public username, optionally with a post: `path` is what follows t.me/<name>/ in the post URL. */
export function publicChat(name: string, post?: { id: string; path: string }): PlatformResult {
  const problem = telegramUsernameProblem(name);
  if (problem) return reject('invalid-handle', problem);
  const lower = name.toLowerCase();
  const canonicalUrl = `https://t.me/${lower}`;
  return found({
    platform: 'telegram',
    kind: 'channel',
    key: `telegram:${lower}`,
    canonicalUrl,
    handle: name,
    ...(post ? { post: { id: post.id, url: `${canonicalUrl}/${post.path}` } } : {}),
  });
}

export function privateChannel(id: string, postId?: string): PlatformResult {
  if (!CHANNEL_ID.test(id)) {
    return reject(
      'invalid-handle',
      `Private Telegram links name the channel by its number (t.me/c/1234567890/5); "${id}" is not a channel number.`,
    );
  }
  if (postId !== undefined && !MESSAGE_ID.test(postId)) {
    return reject('unparseable', `"${postId}" is not a Telegram message number.`);
  }
  const canonicalUrl = `https://t.me/c/${id}`;
  return found({
    platform: 'telegram',
    kind: 'channel',
    key: `telegram:c:${id}`,
    canonicalUrl,
    ...(postId ? { post: { id: postId, url: `${canonicalUrl}/${postId}` } } : {}),
  });
}

export function invite(hash: string): PlatformResult {
  if (!INVITE_HASH.test(hash)) {
    return reject('invalid-handle', `Telegram invite codes are letters, digits, "-" and "_"; "${hash}" is not one.`);
  }
  // The hash is case-sensitive: t.me/+AbC and t.me/+abc are different invites.
  return found({
    platform: 'telegram',
    kind: 'invite',
    key: `telegram:invite:${hash}`,
    canonicalUrl: `https://t.me/+${hash}`,
  });
}

export function phone(digits: string): PlatformResult {
  if (!PHONE.test(digits)) {
    return reject(
      'invalid-handle',
      `Telegram phone links have 5–15 digits after "+"; "+${digits}" has ${digits.length}.`,
    );
  }
  return found({
    platform: 'telegram',
    kind: 'account',
    key: `telegram:phone:${digits}`,
    canonicalUrl: `https://t.me/+${digits}`,
  });
}

/** A chat folder link invites to several chats at once; it is catalogued as an invite. */
export function folder(slug: string): PlatformResult {
  if (!INVITE_HASH.test(slug)) {
    return reject(
      'invalid-handle',
      `Telegram folder links end in a code of letters, digits, "-" and "_"; "${slug}" is not one.`,
    );
  }
  return found({
    platform: 'telegram',
    kind: 'invite',
    key: `telegram:addlist:${slug}`,
    canonicalUrl: `https://t.me/addlist/${slug}`,
  });
}

export function parseTelegramUrl(url: URL): PlatformResult {
  if (bareHost(url) === 'web.telegram.org') return webApp(url);
  let segments = pathSegments(url);
  if (!HOSTS.has(bareHost(url))) {
    const label = url.hostname.slice(0, -'.t.me'.length);
    if (!isUsernameSubdomain(label)) {
      return reject(
        'not-a-channel',
        `"${url.hostname}" is a Telegram address, but "${label}" is not a username, so it does not name a channel.`,
      );
    }
    segments = [label, ...segments];
  }
  return telegramPath(segments, url.searchParams);
}

function telegramPath(segments: string[], params: URLSearchParams): PlatformResult {
  const [first, ...rest] = segments;
  if (first === undefined) {
    return reject('not-a-channel', "This is Telegram's home page, not a channel. Add the username, as in t.me/durov.");
  }
  const word = first.toLowerCase();
  if (first.startsWith('+')) {
    const value = first.slice(1);
    if (value === '') return missing('invite link', '+');
    return /^[0-9]+$/.test(value) ? phone(value) : invite(value);
  }
  if (word === 'joinchat') return rest[0] ? invite(rest[0]) : missing('invite link', 'joinchat/');
  if (word === 'addlist') return rest[0] ? folder(rest[0]) : missing('folder link', 'addlist/');
  if (word === 'c') return rest[0] ? privatePost(rest) : missing('private link', 'c/');
  if (word === 's') return rest[0] ? usernamePath(rest) : missing('web preview link', 's/');
  if (word === 'boost') {
    // Boost links name the channel being boosted: t.me/boost/<name> or t.me/boost?c=<id>.
    if (rest[0]) return publicChat(rest[0]);
    const id = params.get('c');
    return id ? privateChannel(id) : missing('boost link', 'boost/');
  }
  const described = RESERVED_PATHS[word] ?? (first.startsWith('$') ? 'a payment invoice link' : undefined);
  if (described) {
    return reject('not-a-channel', `"t.me/${segments.join('/')}" is ${described}, not a channel or account.`);
  }
  return usernamePath(segments);
}

function missing(what: string, after: string): PlatformResult {
  return reject(
    'unparseable',
    `This Telegram ${what} stops after "${after}": the part that names the chat is missing.`,
  );
}

/** <name>, <name>/<post>, <name>/<thread>/<post>, <name>/s/<story>, <name>/a/<album>. */
function usernamePath([name = '', ...rest]: string[]): PlatformResult {
  const [second, third, ...extra] = rest;
  if (second === undefined) return publicChat(name);
  if (second === 's') {
    if (third === undefined || !MESSAGE_ID.test(third) || extra.length > 0) {
      return reject(
        'unparseable',
        `This Telegram story link needs a story number after "/s/", as in t.me/${name}/s/5.`,
      );
    }
    return publicChat(name, { id: `story:${third}`, path: `s/${third}` });
  }
  if (second === 'a' && third !== undefined && MESSAGE_ID.test(third) && extra.length === 0) return publicChat(name);
  const post = third ?? second;
  if (!MESSAGE_ID.test(second) || !MESSAGE_ID.test(post) || extra.length > 0) {
    return reject(
      'unparseable',
      `"${rest.join('/')}" after the username is not a message number, so this is not a Telegram message link.`,
    );
  }
  return publicChat(name, { id: post, path: post });
}

/** c/<id>, c/<id>/<post>, c/<id>/<thread>/<post>. */
function privatePost([id = '', second, third, ...extra]: string[]): PlatformResult {
  if (extra.length > 0)
    return reject(
      'unparseable',
      `"t.me/c/${[id, second, third, ...extra].join('/')}" has more parts than a Telegram message link.`,
    );
  return privateChannel(id, third ?? second);
}

/** web.telegram.org/k/#@name and /a/#-100<id>: what analysts copy from the browser's address bar. */
function webApp(url: URL): PlatformResult {
  const target = decodeSafe(url.hash.slice(1));
  if (target.startsWith('@')) return publicChat(target.slice(1));
  const channel = /^-100([0-9]+)$/.exec(target);
  if (channel?.[1]) return privateChannel(channel[1]);
  return reject(
    'not-a-channel',
    'This Telegram web app address does not name a public channel. Copy the t.me link from the chat\'s "Info" panel instead.',
  );
}

/** Telegram's numeric channel id is known only from private links (t.me/c/<id>). */
export function channelIdOf(link: { platform: string; key: string }): string | null {
  return link.platform === 'telegram' ? (/^telegram:c:(\d+)$/.exec(link.key)?.[1] ?? null) : null;
}
