/**
 * Search snippets come from the core with matches between U+E000 and U+E001 (private-use
 * characters that user text does not contain, so brackets in titles stay text). They are split
 * into parts here and drawn as text and <mark>, never as HTML.
 */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const OPEN = '\uE000';
const CLOSE = '\uE001';

export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of snippet.split(OPEN).entries()) {
    // Text before the first opening marker is never a match, whatever it holds.
    const close = i === 0 ? -1 : piece.indexOf(CLOSE);
    if (close < 0) {
      if (piece) parts.push({ text: piece, mark: false });
      continue;
    }
    if (close > 0) parts.push({ text: piece.slice(0, close), mark: true });
    const rest = piece.slice(close + 1);
    if (rest) parts.push({ text: rest, mark: false });
  }
  return parts;
}
