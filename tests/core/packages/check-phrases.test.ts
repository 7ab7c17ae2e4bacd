import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Phrase } from '../../../electron/common/phrase';
import { verifyPackage } from '../../../electron/core/packages';
import { inEnglish } from '../../../electron/core/packages/phrases';
import { catalogs, phraseIn } from '../../../renderer/i18n/catalogs';
import { buildCorpus, type CorpusPackage } from './corpus';
import { cleanTempDirs, tempDir } from './helpers';

/** Every key a phrase names, its own and those of the phrases among its values. */
function keysOf(phrase: Phrase): string[] {
  const inner = Object.values(phrase.params ?? {}).filter((v): v is Phrase => typeof v === 'object');
  return [phrase.key, ...inner.flatMap(keysOf)];
}

/** Placeholders of the Indonesian text (of the phrase or of one among its values) that no value fills. */
function unfilled(phrase: Phrase): string[] {
  const text = (catalogs.id as Record<string, string>)[phrase.key] ?? '';
  const missing = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => !(name in (phrase.params ?? {})));
  const inner = Object.values(phrase.params ?? {}).filter((v): v is Phrase => typeof v === 'object');
  return [...missing.map((name) => `${phrase.key} {${name}}`), ...inner.flatMap(unfilled)];
}

let corpus: CorpusPackage[];
let results: Array<{ name: string; result: Awaited<ReturnType<typeof verifyPackage>> }>;

beforeAll(async () => {
  corpus = await buildCorpus(tempDir());
  results = [];
  for (const p of corpus)
    results.push({ name: p.name, result: await verifyPackage(p.path, { roster: p.roster, tsaRoots: p.tsaRoots }) });
}, 300_000);
afterAll(cleanTempDirs);

describe('what verification says is said by key, in both languages', () => {
  it('over the whole corpus, genuine and hostile: the phrases are the English detail word for word', () => {
    expect(results.length).toBeGreaterThan(50);
    for (const { name, result } of results) {
      for (const c of result.checks) expect(c.phrases.map(inEnglish).join('; '), `${name} ${c.id}`).toBe(c.detail);
      expect(result.trustPhrases.map(inEnglish).join(' '), name).toBe(result.trustDetail);
    }
  });

  it('and every one of them has Indonesian words, with every value filled in', () => {
    const phrases = results.flatMap(({ result }) => [
      ...result.checks.flatMap((c) => c.phrases),
      ...result.trustPhrases,
      ...result.timestamps.flatMap((t) => (t.untrustedPhrase ? [t.untrustedPhrase] : [])),
    ]);
    const keys = new Set(phrases.flatMap(keysOf));
    // the corpus reaches most of what a check can say, failing and passing
    expect(keys.size).toBeGreaterThan(120);
    expect([...keys].filter((k) => !(k in catalogs.id))).toEqual([]);
    for (const p of phrases) expect(unfilled(p), p.key).toEqual([]);
    const failing = results.flatMap(({ result }) => result.checks.filter((c) => !c.ok));
    const untranslated = failing.filter((c) => c.phrases.map((p) => phraseIn('id', p)).join('; ') === c.detail);
    expect(untranslated.map((c) => `${c.id}: ${c.detail}`)).toEqual([]);
  });
});
