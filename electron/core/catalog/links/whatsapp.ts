/** WhatsApp channels, group invites and click-to-chat phone links. */
import { bareHost, pathSegments } from './normalize';
import { found, reject, type PlatformResult } from './types';

const CODE = /^[A-Za-z0-9]{10,40}$/;
const PHONE = /^[0-9]{5,15}$/;

export function isWhatsAppHost(url: URL): boolean {
  const host = bareHost(url);
  return host === 'wa.me' || host === 'whatsapp.com' || host.endsWith('.whatsapp.com');
}

export function parseWhatsAppUrl(url: URL): PlatformResult {
  const host = bareHost(url);
  const segments = pathSegments(url);
  const [first, second, third] = segments;
  if (host === 'chat.whatsapp.com') {
    // The legacy form is chat.whatsapp.com/invite/<code>.
    const code = first?.toLowerCase() === 'invite' ? second : first;
    return code ? groupInvite(code) : notAChannel(url);
  }
  if (host === 'wa.me') {
    if (first === 'message') {
      return reject(
        'not-a-channel',
        '"wa.me/message/…" is a business short link: the number behind it can only be looked up online. Open it and use the wa.me/<number> link instead.',
      );
    }
    const number = first === 'c' ? second : first;
    return number ? phoneLink(number) : notAChannel(url);
  }
  if ((host === 'api.whatsapp.com' || host === 'web.whatsapp.com') && first === 'send') {
    const number = url.searchParams.get('phone');
    return number
      ? phoneLink(number)
      : reject('unparseable', 'This WhatsApp "send" link has no phone= number, so it does not say who it opens.');
  }
  if (host === 'whatsapp.com' && first === 'channel' && second) return channel(second, third);
  return notAChannel(url);
}

function channel(id: string, postId: string | undefined): PlatformResult {
  if (!CODE.test(id)) {
    return reject('invalid-handle', `WhatsApp channel ids are 10–40 letters and digits; "${id}" is not one.`);
  }
  if (postId !== undefined && !/^[0-9]{1,19}$/.test(postId)) {
    return reject('unparseable', `"${postId}" is not a WhatsApp channel update number.`);
  }
  // Channel ids and invite codes are case-sensitive, so the key keeps their case.
  const canonicalUrl = `https://whatsapp.com/channel/${id}`;
  return found({
    platform: 'whatsapp',
    kind: 'channel',
    key: `whatsapp:channel:${id}`,
    canonicalUrl,
    ...(postId ? { post: { id: postId, url: `${canonicalUrl}/${postId}` } } : {}),
  });
}

function groupInvite(code: string): PlatformResult {
  if (!CODE.test(code)) {
    return reject('invalid-handle', `WhatsApp group invite codes are 10–40 letters and digits; "${code}" is not one.`);
  }
  return found({
    platform: 'whatsapp',
    kind: 'invite',
    key: `whatsapp:invite:${code}`,
    canonicalUrl: `https://chat.whatsapp.com/${code}`,
  });
}

function phoneLink(raw: string): PlatformResult {
  // People write +62 812-3456 or (0)…; WhatsApp wants bare international digits.
  const digits = raw.replace(/[\s+()\-.]/g, '');
  if (!PHONE.test(digits)) {
    return reject(
      'invalid-handle',
      `WhatsApp phone links need the full international number, 5–15 digits; "${raw}" is not one.`,
    );
  }
  return found({
    platform: 'whatsapp',
    kind: 'account',
    key: `whatsapp:phone:${digits}`,
    canonicalUrl: `https://wa.me/${digits}`,
  });
}

function notAChannel(url: URL): PlatformResult {
  return reject(
    'not-a-channel',
    `"${url.hostname}${url.pathname}" is a WhatsApp page, not a channel, group invite or phone link.`,
  );
}
