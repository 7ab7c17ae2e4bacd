import type { Platform } from '../../../common/platforms';

export type { Platform };

export type ChannelKind = 'channel' | 'group' | 'account' | 'invite' | 'post' | 'website';

export interface ParsedLink {
  platform: Platform;
  /** Kind of the channel-level entity; a post link gives its channel's kind and fills `post`. */
  kind: ChannelKind;
  /** Canonical, stable identity, e.g. "telegram:durov". Equal keys mean the same entity. */
  key: string;
  /** Canonical URL of the channel-level entity. */
  canonicalUrl: string;
  /** Display form as typed; comparisons use `key`. */
  handle?: string;
  /** Present when the input pointed at a post, message, video or story. */
  post?: { id: string; url: string };
  /** Something the analyst should know about this link, e.g. that its channel is not derivable offline. */
  note?: string;
  /** The original input, trimmed. */
  input: string;
}

export type LinkErrorCode =
  | 'empty'
  | 'too-long'
  | 'control-character'
  | 'unsupported-scheme'
  | 'unparseable'
  | 'userinfo'
  | 'local-address'
  | 'invalid-handle'
  | 'not-a-channel'
  | 'no-channel';

export interface LinkError {
  code: LinkErrorCode;
  reason: string;
}

export type ParseResult = { ok: true; link: ParsedLink } | { ok: false; error: LinkError };

export type LinkFields = Omit<ParsedLink, 'input'>;

export function fail(code: LinkErrorCode, reason: string): ParseResult {
  return { ok: false, error: { code, reason } };
}

/** Platform parsers return fields without `input`; index.ts adds it once. */
export type PlatformResult = { ok: true; fields: LinkFields } | { ok: false; error: LinkError };

export function found(fields: LinkFields): PlatformResult {
  return { ok: true, fields };
}

export function reject(code: LinkErrorCode, reason: string): PlatformResult {
  return { ok: false, error: { code, reason } };
}
