import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import type { Language } from '../../../renderer/i18n/catalogs';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { writeFileAtomic } from '../fs-atomic';
import { getIdentity } from '../identity/identity';
import { ensureNoticeRecord } from '../outcomes/notice-record';
import { ANSWERABLE_CASE_STATUSES, jsonList } from '../outcomes/outcome-types';
import { requireExportFolder } from '../policy/export-folders';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import type { Period } from './iso-week';
import { transparencyCsv } from './transparency-csv';
import { renderTransparencyPdf } from './transparency-pdf';
import { type TransparencyReport, transparencyReport } from './transparency-report';

export type TransparencyFormat = 'csv' | 'pdf';

export interface TransparencyExportOptions {
  format: TransparencyFormat;
  /** the PDF's language (the CSV is the same in both) */
  language: Language;
  /** resources/ (fonts for the PDF) */
  resourcesDir: string;
  now?: Date;
}

/**
 * The report over this vault: a unit catalog's over the packages it merged; an analyst's or a
 * supervisor's over its cases, where cases sent before outcomes were tracked get the record of
 * their notice's items first (as the case page does), so they count too.
 */
export function vaultTransparency(session: VaultSession, period: Period): TransparencyReport {
  if (session.db.get(sql`SELECT 1 FROM identity WHERE role = 'unit'`))
    return transparencyReport(session.db, period, 'unit');
  const unrecorded = session.db.all<{ id: number }>(
    sql`SELECT c.id FROM cases c WHERE c.status IN (SELECT value FROM json_each(${jsonList(ANSWERABLE_CASE_STATUSES)}))
      AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.items_recorded = 1
        AND n.export_id = (SELECT max(x.id) FROM case_exports x WHERE x.case_id = c.id))`,
  );
  for (const { id } of unrecorded) ensureNoticeRecord(session, id);
  return transparencyReport(session.db, period);
}

/** "jejak-transparansi-2026-11-01_2026-11-30.pdf": the name an export gets when none is chosen. */
export function transparencyFileName(period: Period, format: TransparencyFormat): string {
  return `jejak-transparansi-${period.from}_${period.to}.${format}`;
}

/**
 * The report written as CSV or a one-page PDF, into a folder the machine policy allows, never over
 * an existing file; audited with the period, the format and the file's SHA-256.
 */
export async function exportTransparency(
  session: VaultSession,
  policy: Policy,
  period: Period,
  destination: string,
  opts: TransparencyExportOptions,
): Promise<{ path: string; bytes: number; sha256: string }> {
  if (!isAbsolute(destination)) throw new JejakError('INVALID_INPUT', 'Choose where to save the report.');
  requireExportFolder(policy, destination);
  if (existsSync(destination))
    throw new JejakError('INVALID_INPUT', `${basename(destination)} already exists; choose another name.`).because(
      'transparency.error.exists',
      { name: basename(destination) },
    );
  const report = vaultTransparency(session, period);
  const now = opts.now ?? new Date();
  const data =
    opts.format === 'csv'
      ? Buffer.from(transparencyCsv(report), 'utf8')
      : await buffer(
          renderTransparencyPdf(report, {
            language: opts.language,
            unit: policy.unitName ?? getIdentity(session).unit,
            fontsDir: join(opts.resourcesDir, 'fonts'),
            generatedAt: now,
          }),
        );
  writeFileAtomic(destination, data);
  const sha256 = createHash('sha256').update(data).digest('hex');
  session.audit({
    action: 'transparency.exported',
    details: {
      from: period.from,
      to: period.to,
      format: opts.format,
      language: opts.language,
      bytes: data.length,
      sha256,
    },
  });
  return { path: destination, bytes: data.length, sha256 };
}
