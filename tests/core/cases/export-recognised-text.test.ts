import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../electron/core/cases/cases';
import { exportCase } from '../../../electron/core/cases/export-case';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { OcrEngine } from '../../../electron/core/evidence/media/ocr';
import { ocrModelsCache } from '../../../electron/core/evidence/media/ocr-models';
import { recognisedTextOf } from '../../../electron/core/evidence/recognised-text';
import { setIdentity } from '../../../electron/core/identity/identity';
import { drainJobs } from '../../../electron/core/jobs/drain-jobs';
import { POLICY, textPng } from '../../fixtures/catalog';
import { RESOURCES } from '../../fixtures/case';
import { newVault, tempDir } from '../../fixtures/temp';

const INDONESIAN = 'Bergabunglah dengan saluran kami';
const ARABIC = 'انضموا إلى قناتنا';
/** poppler marks a right-to-left run it has put back in logical order with U+202B … U+202C */
const withoutBidiMarks = (s: string) => s.replace(/[\u202A-\u202E]/g, '');

describe('the text read in screenshots, in the exported request', () => {
  it('is printed under each item in report.pdf, Arabic in logical order, as OCR read it', async () => {
    const { session } = await newVault();
    setIdentity(session, {
      name: 'Sari Analis',
      unit: 'Direktorat Pengendalian Konten',
      employeeId: '1',
      role: 'analyst',
    });
    const ids: number[] = [];
    for (const [i, text] of [INDONESIAN, ARABIC].entries())
      ids.push((await intakeBytes(session, POLICY, await textPng(text), { originalName: `${i}.png` })).evidenceId);
    const ocr = new OcrEngine(ocrModelsCache(tempDir()));
    expect(await drainJobs(session, { ocr, pdqDistance: 31 })).toEqual({ done: 2, failed: 0 });
    await ocr.close();
    const read = ids.map((id) => recognisedTextOf(session.db, id)?.text ?? '');
    expect(read[0]).toContain(INDONESIAN);
    expect(read[1]).toContain(ARABIC);

    const kase = createCase(session, POLICY, { title: 'Ajakan bergabung', platform: 'telegram', evidenceIds: ids });
    const out = tempDir();
    const result = await exportCase(session, POLICY, kase.id, join(out, 'package.zip'), {
      language: 'id',
      resourcesDir: RESOURCES,
      version: '0.1.0-test',
    });
    execFileSync('unzip', ['-q', join(out, 'package.zip'), '-d', out]);
    const data = join(out, result.name, 'data');
    const report = JSON.parse(readFileSync(join(data, 'report.json'), 'utf8'));
    expect(report.evidence.map((e: { recognisedText: string }) => e.recognisedText)).toEqual(read);

    const pdf = join(data, 'report.pdf');
    const text = withoutBidiMarks(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Teks dalam gambar bukti 1');
    expect(text).toContain(INDONESIAN);
    expect(text).toContain(ARABIC);
    // every line OCR read in the Arabic picture, word for word in reading order
    for (const line of read[1]!.split('\n').filter((l) => l.trim() !== '')) expect(text).toContain(line.trim());
    session.close('test');
  }, 120_000);
});
