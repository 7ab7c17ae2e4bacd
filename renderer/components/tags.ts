/** Tags as the core accepts them: trimmed, single-spaced, at most TEXT_LIMITS.tag characters, TEXT_LIMITS.tags per item. */
import { TEXT_LIMITS } from '../../electron/common/limits';

export function cleanTag(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, TEXT_LIMITS.tag).trim();
}

/** Splits typed text on commas and semicolons; keeps the order, drops blanks and repeats (ignoring case). */
export function parseTags(text: string): string[] {
  return addTags([], text);
}

export function addTags(existing: readonly string[], text: string): string[] {
  const out = [...existing];
  const seen = new Set(existing.map((t) => t.toLocaleLowerCase()));
  for (const piece of text.split(/[,;]/)) {
    const tag = cleanTag(piece);
    if (!tag || seen.has(tag.toLocaleLowerCase()) || out.length >= TEXT_LIMITS.tags) continue;
    seen.add(tag.toLocaleLowerCase());
    out.push(tag);
  }
  return out;
}
