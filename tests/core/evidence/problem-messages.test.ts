import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { END_PROBLEM_CODES } from '../../../electron/core/evidence/media/end-marker';
import { analyzeImage } from '../../../electron/core/evidence/media';
import { MEDIA_PROBLEM_CODES } from '../../../electron/core/evidence/media/problems';
import { catalogs, codedText } from '../../../renderer/i18n/catalogs';
import { screenshot } from './media/fixtures';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const missingIn = (keys: string[]) =>
  (['id', 'en'] as const).flatMap((language) =>
    keys
      .filter((key) => !(catalogs[language] as Record<string, string>)[key]?.trim())
      .map((key) => `${language}: ${key}`),
  );

describe('messages the core gives as codes have words in both languages', () => {
  it('every media problem and every way a file fails to end', () => {
    expect(
      missingIn([
        ...MEDIA_PROBLEM_CODES.map((c) => `problem.${c}`),
        ...END_PROBLEM_CODES.map((c) => `problem.end.${c}`),
      ]),
    ).toEqual([]);
  });

  it('every reason a core error names (JejakError.because)', () => {
    const keys = new Set<string>();
    for (const file of sources('electron')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\.because\(\s*(['`])([^'`]+)\1/g)) {
        // a template names a family: linkError.${code}; each code has its own key
        keys.add(m[1] === '`' ? `${m[2]!.split('${')[0]}empty` : m[2]!);
      }
    }
    expect(keys.size).toBeGreaterThan(10);
    expect(missingIn([...keys])).toEqual([]);
  });

  it('the English catalog says what the core says, word for word', async () => {
    const jpeg = await (await screenshot(7, { photo: true })).jpeg({ quality: 90 }).toBuffer();
    const webp = await (await screenshot(8, { photo: true })).webp().toBuffer();
    const analyses = await Promise.all([
      analyzeImage(jpeg.subarray(0, jpeg.length >> 1), 'image/jpeg'),
      analyzeImage(webp.subarray(0, webp.length >> 1), 'image/webp'),
      analyzeImage(
        await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#fff' } })
          .png()
          .toBuffer(),
        'image/png',
        { maxPixels: 1_000_000 },
      ),
      analyzeImage(jpeg, 'image/png'),
      analyzeImage(Buffer.alloc(0), 'image/gif'),
    ]);
    const problems = analyses.flatMap((a) => a.problems);
    expect(new Set(problems.map((p) => p.code))).toEqual(
      new Set(['truncated', 'header-unreadable-truncated', 'too-many-pixels', 'type-mismatch', 'empty']),
    );
    for (const p of problems)
      expect(codedText('en', { key: `problem.${p.code}`, params: p.params, message: '' })).toBe(p.message);
    // and Indonesian is another text, with every value filled in
    for (const p of problems) {
      const id = codedText('id', { key: `problem.${p.code}`, params: p.params, message: '' });
      expect(id).not.toBe(p.message);
      expect(id).not.toMatch(/\{\w+\}/);
    }
  });
});
