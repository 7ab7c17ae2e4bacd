/**
 * Telegram tg: links (tg://resolve?domain=…, tg:resolve?…), the app-side twin of t.me links.
 * Accepted although the scheme is not http(s): they name the same chats as t.me links.
 */
import { folder, invite, phone, privateChannel, publicChat } from './telegram';
import { MESSAGE_ID } from './telegram-names';
import { reject, type PlatformResult } from './types';

export function parseTgUrl(url: URL): PlatformResult {
  // tg://resolve?… puts the action in the host; tg:resolve?… puts it in the path.
  const action = (url.hostname || url.pathname).replace(/^\/+|\/+$/g, '').toLowerCase();
  const p = url.searchParams;
  const need = (name: string): PlatformResult =>
    reject(
      'unparseable',
      `This "tg://${action}" link has no "${name}=" parameter, so it does not say which chat it means.`,
    );

  switch (action) {
    case 'resolve': {
      const domain = p.get('domain');
      const ph = p.get('phone');
      if (!domain) return ph ? phone(ph.replace(/^\+/, '')) : need('domain');
      const story = p.get('story');
      const post = p.get('post');
      if (story !== null)
        return MESSAGE_ID.test(story)
          ? publicChat(domain, { id: `story:${story}`, path: `s/${story}` })
          : badNumber(story);
      if (post !== null) return MESSAGE_ID.test(post) ? publicChat(domain, { id: post, path: post }) : badNumber(post);
      return publicChat(domain);
    }
    case 'join': {
      const hash = p.get('invite');
      return hash ? invite(hash) : need('invite');
    }
    case 'privatepost': {
      const channel = p.get('channel');
      return channel ? privateChannel(channel, p.get('post') ?? undefined) : need('channel');
    }
    case 'addlist': {
      const slug = p.get('slug');
      return slug ? folder(slug) : need('slug');
    }
    case 'boost': {
      const domain = p.get('domain');
      const channel = p.get('channel');
      if (domain) return publicChat(domain);
      return channel ? privateChannel(channel) : need('domain');
    }
    default:
      return reject(
        'not-a-channel',
        `"tg://${action}" is a Telegram app link that does not name a channel or account.`,
      );
  }
}

function badNumber(value: string): PlatformResult {
  return reject('unparseable', `"${value}" is not a Telegram message or story number.`);
}
