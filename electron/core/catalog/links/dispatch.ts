/** Routes an http(s) URL to the parser of the platform that owns its host. */
import { isFacebookHost, parseFacebookUrl } from './facebook';
import { isInstagramHost, parseInstagramUrl } from './instagram';
import { isTelegramHost, parseTelegramUrl } from './telegram';
import { isTikTokHost, parseTikTokUrl } from './tiktok';
import type { PlatformResult } from './types';
import { parseWebsiteUrl } from './website';
import { isWhatsAppHost, parseWhatsAppUrl } from './whatsapp';
import { isXHost, parseXUrl } from './x';
import { isYouTubeHost, parseYouTubeUrl } from './youtube';

const PLATFORMS: ReadonlyArray<readonly [(url: URL) => boolean, (url: URL) => PlatformResult]> = [
  [isTelegramHost, parseTelegramUrl],
  [isWhatsAppHost, parseWhatsAppUrl],
  [isFacebookHost, parseFacebookUrl],
  [isInstagramHost, parseInstagramUrl],
  [isXHost, parseXUrl],
  [isYouTubeHost, parseYouTubeUrl],
  [isTikTokHost, parseTikTokUrl],
];

export function parseWebUrl(url: URL): PlatformResult {
  // Hosts are compared exactly (t.me.evil.com is not t.me). A non-default port means some other
  // server on that name, not the platform's own service, so it is treated as a website.
  if (url.port === '') {
    for (const [owns, parse] of PLATFORMS) if (owns(url)) return parse(url);
  }
  return parseWebsiteUrl(url);
}
