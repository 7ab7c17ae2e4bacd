/**
 * Telegram naming rules: which usernames are valid, and which t.me paths are Telegram's own
 * features rather than usernames. Source: https://core.telegram.org/api/links and tdlib's link
 * parser (LinkManager), which also forbids a trailing underscore and "__".
 */

const RULE = 'Telegram usernames are 5–32 characters of letters, digits and underscores';

/** Returns null for a valid username, or a sentence saying what is wrong with it. */
export function telegramUsernameProblem(name: string): string | null {
  const shown = `"${name}"`;
  if (name.length === 0) return `${RULE}; the username is missing.`;
  const bad = [...name].find((c) => !/^[A-Za-z0-9_]$/.test(c));
  if (bad !== undefined) return `${RULE}; ${shown} contains "${bad}".`;
  if (name.length < 5) return `${RULE}; ${shown} is too short.`;
  if (name.length > 32) return `${RULE}; ${shown} is too long (${name.length} characters).`;
  if (!/^[A-Za-z]/.test(name)) return `Telegram usernames start with a letter; ${shown} starts with "${name[0]}".`;
  if (name.endsWith('_')) return `Telegram usernames cannot end with an underscore; ${shown} does.`;
  if (name.includes('__')) return `Telegram usernames cannot contain two underscores in a row; ${shown} does.`;
  return null;
}

const SHARE = 'a share link (it opens a chat picker to forward a message or URL)';
const PROXY = 'a proxy settings link';
const WEB_APP = "a link into Telegram's web app";
const PAYMENT = 'a payment or purchase link';

/**
 * First path segments that are Telegram features, each with what it is. Some are shorter than
 * any username and could never be one; they are listed so the reason is precise.
 */
export const RESERVED_PATHS: Readonly<Record<string, string>> = {
  share: SHARE,
  msg: SHARE,
  msg_url: SHARE,
  proxy: PROXY,
  socks: PROXY,
  setlanguage: 'a language pack link',
  addstickers: 'a sticker set link',
  addemoji: 'a custom emoji set link',
  addtheme: 'a theme link',
  addstyle: 'a text style link',
  bg: 'a chat wallpaper link',
  login: 'a login code link',
  auth: 'a login authorisation link',
  confirmphone: 'a phone number confirmation link',
  contact: 'a temporary profile link; its token can only be turned into an account online',
  m: 'a business chat link; the account behind it can only be looked up online',
  invoice: PAYMENT,
  giftcode: PAYMENT,
  premium_offer: PAYMENT,
  premium_multigift: PAYMENT,
  stars_topup: PAYMENT,
  nft: 'a collectible gift link',
  auction: 'a gift auction link',
  call: 'a group call link',
  iv: 'an Instant View page link',
  dl: 'an app download link',
  web: WEB_APP,
  a: WEB_APP,
  k: WEB_APP,
  z: WEB_APP,
};

/** `<sub>.t.me` labels that are not usernames (core.telegram.org/api/links). */
const RESERVED_SUBDOMAINS = new Set([
  'www',
  'addemoji',
  'addlist',
  'addstickers',
  'addstyle',
  'addtheme',
  'auction',
  'auth',
  'boost',
  'call',
  'confirmphone',
  'contact',
  'giftcode',
  'invoice',
  'joinchat',
  'login',
  'm',
  'nft',
  'proxy',
  'setlanguage',
  'share',
  'socks',
  'web',
  'a',
  'k',
  'z',
]);

/** True when `<label>.t.me` stands for `t.me/<label>`. */
export function isUsernameSubdomain(label: string): boolean {
  return label.length > 1 && !RESERVED_SUBDOMAINS.has(label) && telegramUsernameProblem(label) === null;
}

/** Invite hashes are URL-safe base64; the legacy joinchat form is longer than the "+" form. */
export const INVITE_HASH = /^[A-Za-z0-9_-]{5,64}$/;
export const CHANNEL_ID = /^[1-9][0-9]{0,19}$/;
export const MESSAGE_ID = /^[1-9][0-9]{0,18}$/;
/** E.164 allows up to 15 digits; below 5 it cannot be a phone number. */
export const PHONE = /^[0-9]{5,15}$/;
