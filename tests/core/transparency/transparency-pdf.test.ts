import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { NOTICE_CATEGORIES } from '../../../electron/core/notice/notice-types';
import { weeksOf } from '../../../electron/core/transparency/iso-week';
import { renderTransparencyPdf } from '../../../electron/core/transparency/transparency-pdf';
import type { Counts, TransparencyReport } from '../../../electron/core/transparency/transparency-report';
import { PLATFORMS } from '../../../electron/common/platforms';
import { RESOURCES } from '../../fixtures/case';
import { tempDir } from '../../fixtures/temp';

/** Counts that add up: n reported, most actioned, hours to action growing with n. */
function counts(n: number): Counts {
  const notActioned = Math.floor(n / 7);
  const alreadyGone = Math.floor(n / 11);
  const pending = Math.floor(n / 5);
  return {
    reported: n,
    actioned: n - notActioned - alreadyGone - pending,
    notActioned,
    alreadyGone,
    pending,
    medianSecondsToAction: n * 3_600,
    p90SecondsToAction: n * 9_000,
  };
}

/** A year of every platform and every category: the most a page has to hold. */
function busyYear(): TransparencyReport {
  const period = { from: '2026-01-01', to: '2026-12-31' };
  return {
    period,
    total: counts(12_345),
    weeks: weeksOf(period).map((w, i) => ({ ...w, ...counts(100 + ((i * 37) % 250)) })),
    platforms: PLATFORMS.map((platform, i) => ({ platform, ...counts(2_000 - i * 150) })),
    categories: NOTICE_CATEGORIES.map((category, i) => ({ category, ...counts(3_000 - i * 300) })),
    detail: [],
  };
}

const pagesOf = (pdf: string) =>
  Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

describe('the transparency PDF', () => {
  for (const language of ['id', 'en'] as const)
    it(`holds a year of every platform and category on one page (${language}), leaving the weeks to the CSV`, async () => {
      const pdf = join(tempDir(), `year-${language}.pdf`);
      const stream = renderTransparencyPdf(busyYear(), {
        language,
        unit: 'Direktorat Pengendalian Konten',
        fontsDir: join(RESOURCES, 'fonts'),
        generatedAt: new Date('2027-01-04T02:00:00Z'),
      });
      writeFileSync(pdf, await buffer(stream));
      expect(pagesOf(pdf)).toBe(1);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(
        language === 'id' ? 'Angka per minggu ada di ekspor CSV' : 'The figures per week are in the CSV',
      );
      expect(text).toContain(language === 'id' ? 'Pinjaman ilegal' : 'Illegal lending');
      expect(text).toContain('12,345'.replace(',', language === 'id' ? '.' : ','));
    });
});
