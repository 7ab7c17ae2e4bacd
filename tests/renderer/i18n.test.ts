import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../electron/common/error-codes';
import { PLATFORMS } from '../../electron/common/platforms';
import { catalogs } from '../../renderer/i18n';

const { id, en } = catalogs;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('Bahasa Indonesia and English have exactly the same keys', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
  });

  it('no string is left empty or untranslated placeholder', () => {
    for (const catalog of [id, en])
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), key).not.toBe('');
  });

  it('every literal key the renderer asks for exists', () => {
    const used = new Set<string>();
    for (const file of [...sources('renderer'), ...sources('verifier/src')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((k) => !(k in id));
    expect(missing).toEqual([]);
  });

  it('placeholders match between the languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en))
      expect(vars((id as Record<string, string>)[key]!), key).toEqual(vars((en as Record<string, string>)[key]!));
  });

  it('words error codes the wire carries and no others (an exact case is a reason key, not a code)', () => {
    const worded = Object.keys(en).filter((k) => k.startsWith('error.'));
    expect(worded.length).toBeGreaterThan(10);
    expect(worded.filter((k) => !(ERROR_CODES as readonly string[]).includes(k.slice('error.'.length)))).toEqual([]);
  });

  it('names every platform in both languages', () => {
    for (const catalog of [id, en]) expect(PLATFORMS.filter((p) => !(`platform.${p}` in catalog))).toEqual([]);
  });
});
