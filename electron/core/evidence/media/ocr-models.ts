import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fsyncDirectory } from '../../fs-atomic';

/** Bahasa Indonesia, English and Arabic, recognised together (a screenshot often mixes them). */
export const OCR_LANGUAGES = ['ind', 'eng', 'ara'] as const;
type Language = (typeof OCR_LANGUAGES)[number];

/** The model flavour the @tesseract.js-data packages ship for the LSTM engine: small and accurate. */
const FLAVOUR = '4.0.0_best_int';

const requireHere = createRequire(import.meta.url);

/** A file of the OCR packages: in the installed app, the copy unpacked beside app.asar (electron-builder.config.ts). */
export function unpacked(spec: string): string {
  return requireHere.resolve(spec).replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/** The gzip'd LSTM model of a language, where its @tesseract.js-data package is installed. */
export function trainedDataFile(lang: Language): string {
  return join(dirname(unpacked(`@tesseract.js-data/${lang}/package.json`)), FLAVOUR, `${lang}.traineddata.gz`);
}

/** "ind-1.0.0_eng-1.0.0_ara-1.0.0_4.0.0_best_int": the models' folder changes when a data package does. */
export function modelsVersion(): string {
  const versions = OCR_LANGUAGES.map((lang) => {
    const pkg = JSON.parse(readFileSync(unpacked(`@tesseract.js-data/${lang}/package.json`), 'utf8')) as {
      version: string;
    };
    return `${lang}-${pkg.version}`;
  });
  return [...versions, FLAVOUR].join('_').replace(/[^A-Za-z0-9._-]/g, '-');
}

/** The models' cache in the app's data folder (public data, not evidence: it sits outside the vault). */
export function ocrModelsCache(dataDir: string): string {
  return join(dataDir, 'ocr-models');
}

/**
 * The folder holding the three models for tesseract.js's one `langPath`. Each data package keeps
 * its model in its own folder, so they are copied, once per version of the packages, into
 * `<cache>/<modelsVersion()>`; later starts find them there and copy nothing. A copy is written
 * beside its place and renamed, so a start cut short (or two processes starting at once) never
 * leaves half a model; one whose size differs from the installed file is copied again. Folders of
 * other versions are removed.
 */
export function prepareOcrModels(cacheDir: string): string {
  const version = modelsVersion();
  const folder = join(cacheDir, version);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  let copied = false;
  for (const lang of OCR_LANGUAGES) {
    const source = trainedDataFile(lang);
    const target = join(folder, `${lang}.traineddata.gz`);
    if (sizeOf(target) === statSync(source).size) continue;
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    copyFileSync(source, temp);
    renameSync(temp, target);
    copied = true;
  }
  if (copied) fsyncDirectory(folder);
  for (const other of readdirSync(cacheDir))
    if (other !== version) rmSync(join(cacheDir, other), { recursive: true, force: true });
  return folder;
}

function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}
