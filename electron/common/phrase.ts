/**
 * A sentence the core says about a package (a check's detail, why a signer or a time is not
 * trusted), as a translation key and its values. A value may itself be a phrase ("entry "a.txt"
 * {problem}"), put in words first. The window, the browser verifier and the CLI say it in the
 * reader's language; the core's English (the same catalog) stays in `detail` for logs and scripts.
 */
export interface Phrase {
  key: string;
  params?: Record<string, string | number | Phrase>;
}

/** The phrase in words, from `words` (a catalog lookup that fills plain values); the key when it has none. */
export function phraseText(
  phrase: Phrase,
  words: (key: string, params?: Record<string, string | number>) => string | null,
): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(phrase.params ?? {}))
    params[name] = typeof value === 'object' ? phraseText(value, words) : value;
  return words(phrase.key, params) ?? phrase.key;
}
