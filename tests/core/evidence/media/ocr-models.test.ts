import { mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OcrEngine } from '../../../../electron/core/evidence/media/ocr';
import {
  OCR_LANGUAGES,
  modelsVersion,
  ocrModelsCache,
  prepareOcrModels,
  trainedDataFile,
} from '../../../../electron/core/evidence/media/ocr-models';
import { textPng } from '../../../fixtures/catalog';
import { tempDir } from '../../../fixtures/temp';

const files = (folder: string) => OCR_LANGUAGES.map((lang) => join(folder, `${lang}.traineddata.gz`));
const identity = (file: string) => {
  const st = statSync(file);
  return `${st.ino}:${st.mtimeMs}`;
};

describe('the OCR models', () => {
  it('are copied once per version of the data packages into the data folder, then read from there', () => {
    const cache = ocrModelsCache(tempDir());
    const folder = prepareOcrModels(cache);
    expect(folder).toBe(join(cache, modelsVersion()));
    expect(modelsVersion()).toMatch(/^ind-\d+\.\d+\.\d+_eng-\d+\.\d+\.\d+_ara-\d+\.\d+\.\d+_4\.0\.0_best_int$/);
    expect(readdirSync(folder).sort()).toEqual(['ara.traineddata.gz', 'eng.traineddata.gz', 'ind.traineddata.gz']);
    for (const [i, lang] of OCR_LANGUAGES.entries())
      expect(readFileSync(files(folder)[i]!).equals(readFileSync(trainedDataFile(lang)))).toBe(true);

    const before = files(folder).map(identity);
    expect(prepareOcrModels(cache)).toBe(folder);
    expect(files(folder).map(identity)).toEqual(before); // nothing written the second time
  });

  it('replaces a model cut short and drops the folders of other versions', () => {
    const cache = ocrModelsCache(tempDir());
    const stale = join(cache, 'ind-0.9.0_eng-0.9.0_ara-0.9.0_4.0.0_best_int');
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, 'ind.traineddata.gz'), 'old');
    const folder = prepareOcrModels(cache);
    truncateSync(join(folder, 'eng.traineddata.gz'), 1000);
    prepareOcrModels(cache);
    expect(readFileSync(join(folder, 'eng.traineddata.gz')).equals(readFileSync(trainedDataFile('eng')))).toBe(true);
    expect(readdirSync(cache)).toEqual([modelsVersion()]);
  });

  it('are what the engine reads: it recognises text with them, and a second engine copies nothing', async () => {
    const cache = ocrModelsCache(tempDir());
    const png = await textPng('Bergabunglah dengan saluran kami');
    const first = new OcrEngine(cache);
    // what the vault records is the models of the reading kept: Arabic is read only where it may be
    expect(await first.recognise(png)).toEqual({
      text: expect.stringContaining('Bergabunglah dengan saluran kami'),
      languages: 'ind+eng',
    });
    expect(await first.recognise(await textPng('انضموا إلى قناتنا'))).toEqual({
      text: expect.stringContaining('قناتنا'),
      languages: 'ind+eng+ara',
    });
    await first.close();
    const folder = join(cache, modelsVersion());
    const before = files(folder).map(identity);
    const second = new OcrEngine(cache);
    expect((await second.recognise(png)).text).toContain('Bergabunglah dengan saluran kami');
    await second.close();
    expect(files(folder).map(identity)).toEqual(before);
    expect(readdirSync(folder)).toHaveLength(3); // the engine left nothing beside the models
  }, 120_000);
});
