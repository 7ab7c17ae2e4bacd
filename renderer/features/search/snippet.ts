/**
 * Search snippets come from FTS5 with matches wrapped in [ and ]. They are split into parts here
 * and drawn as text and <mark>, never as HTML. Channel titles and notes may hold brackets of their
 * own, so when the query is known a bracketed run is only marked if it starts with a query word.
 */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();
}

/** The words of a query as the core searches them (each one a prefix). */
export function queryWords(query: string): string[] {
  return query
    .normalize('NFKC')
    .split(/[\s"]+/)
    .map((w) => fold(w.replace(/[^\p{L}\p{N}_@.:/-]/gu, '')))
    .filter(Boolean);
}

export function splitSnippet(snippet: string, query?: string): SnippetPart[] {
  const words = query === undefined ? null : queryWords(query);
  const parts: SnippetPart[] = [];
  const push = (text: string, mark: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  let rest = snippet;
  for (;;) {
    const open = rest.indexOf('[');
    const close = open < 0 ? -1 : rest.indexOf(']', open + 1);
    if (open < 0 || close < 0) {
      push(rest, false);
      return parts;
    }
    const inner = rest.slice(open + 1, close);
    const matches = inner.length > 0 && (words === null || words.some((w) => fold(inner).startsWith(w) || w.startsWith(fold(inner))));
    push(rest.slice(0, open), false);
    if (matches) push(inner, true);
    else push(rest.slice(open, close + 1), false);
    rest = rest.slice(close + 1);
  }
}
