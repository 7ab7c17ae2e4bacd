/** Tags as the core accepts them: trimmed, single-spaced, at most 60 characters, 50 per item. */
export const MAX_TAG_LENGTH = 60;
export const MAX_TAGS = 50;

export function cleanTag(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();
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
    if (!tag || seen.has(tag.toLocaleLowerCase()) || out.length >= MAX_TAGS) continue;
    seen.add(tag.toLocaleLowerCase());
    out.push(tag);
  }
  return out;
}
