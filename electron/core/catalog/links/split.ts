/** Splits pasted text into candidate links, remembering the line each came from. */

// A comma after a "?" or "#" is usually part of the query (?ids=1,2) unless a new link starts there.
const LINK_START = /^(?:[a-z][a-z0-9+.-]*:|@|www\.|[^\s,/?#]+\.[a-z]{2,}(?:[/:?#]|$))/i;
// List markers and lone punctuation in pasted notes ("1.", "-", "•") are not link attempts.
const NOISE = /^(?:\d{1,3}[.)]|[^\p{L}\p{N}]+)$/u;

function splitCommas(token: string): string[] {
  const parts: string[] = [];
  let current: string | undefined;
  for (const piece of token.split(',')) {
    if (current === undefined) current = piece;
    else if (/[?#]/.test(current) && !LINK_START.test(piece)) current += `,${piece}`;
    else {
      parts.push(current);
      current = piece;
    }
  }
  if (current !== undefined) parts.push(current);
  return parts;
}

export function splitPasted(text: string): Array<{ token: string; line: number }> {
  const out: Array<{ token: string; line: number }> = [];
  text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    for (const word of lineText.split(/\s+/)) {
      for (const token of splitCommas(word)) {
        if (token.length > 0 && !NOISE.test(token)) out.push({ token, line: index + 1 });
      }
    }
  });
  return out;
}
