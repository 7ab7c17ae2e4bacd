/**
 * The link parser: turns any URL or handle an analyst pastes into a canonical channel identity,
 * or a precise reason why not. Pure functions on the WHATWG URL global, so it runs in Node and
 * in the renderer alike.
 */
import { parseWebUrl } from './dispatch';
import { classify, findControlCharacter, MAX_INPUT_LENGTH, refang, stripDecoration } from './normalize';
import { splitPasted } from './split';
import { publicChat } from './telegram';
import { parseTgUrl } from './telegram-tg';
import { fail, type ParseResult, type PlatformResult } from './types';

export type { ChannelKind, LinkError, LinkErrorCode, ParsedLink, ParseResult, Platform } from './types';
export { MAX_INPUT_LENGTH } from './normalize';
export { isTrackingParam } from './website';
export { channelIdOf } from './telegram';

export function parseLink(input: string): ParseResult {
  const trimmed = input.trim();
  if (trimmed.length === 0) return fail('empty', 'Nothing was entered.');
  if (trimmed.length > MAX_INPUT_LENGTH) {
    return fail('too-long', `Links are at most ${MAX_INPUT_LENGTH} characters; this input has ${trimmed.length}.`);
  }
  const control = findControlCharacter(trimmed);
  if (control) return fail('control-character', `The input contains ${control}, which never belongs in a link.`);
  const text = refang(stripDecoration(trimmed));
  if (text.length === 0) return fail('empty', 'The input holds only quotes or punctuation, no link.');

  const classified = classify(text);
  let result: PlatformResult;
  switch (classified.type) {
    case 'error':
      return { ok: false, error: classified.error };
    case 'handle':
      result = publicChat(classified.handle);
      break;
    case 'tg':
      result = parseTgUrl(classified.url);
      break;
    case 'web':
      result = parseWebUrl(classified.url);
      break;
  }
  return result.ok ? { ok: true, link: { ...result.fields, input: trimmed } } : { ok: false, error: result.error };
}

export function parseLinks(text: string): Array<ParseResult & { line: number }> {
  return splitPasted(text).map(({ token, line }) => ({ ...parseLink(token), line }));
}
