import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/core/csv';
import { sql } from '../../../electron/core/db/sql';
import { importResponse } from '../../../electron/core/outcomes/import-response';
import { recordObservation } from '../../../electron/core/outcomes/observe';
import { exportTransparency } from '../../../electron/core/transparency/export-transparency';
import { transparencyCsv } from '../../../electron/core/transparency/transparency-csv';
import { transparencyReport } from '../../../electron/core/transparency/transparency-report';
import { RESOURCES } from '../../fixtures/case';
import { POLICY } from '../../fixtures/catalog';
import { at, responseTo, sentCase } from '../../fixtures/outcomes';
import { tempDir } from '../../fixtures/temp';

const WEEK = { from: '2026-11-02', to: '2026-11-08' };
const MIN = 60;

/** The CSV's rows as objects, by its header. */
function rows(csv: string): Array<Record<string, string>> {
  const [header, ...body] = parseCsv(csv);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('transparency report: export → response → overdue → observations → actioned → counts', () => {
  it('counts the week right at each step, with median and 90th percentile time to action by nearest rank', async () => {
    const { session, kase, notice } = await sentCase();
    expect(notice.issuedAt).toBe(at(10).toISOString());
    const [a, b, c, d, e] = notice.items.map((i) => i.itemId) as [string, string, string, string, string];
    const platformOf = (id: string) => notice.items.find((i) => i.itemId === id)!.platform;

    // The notice is out: five items reported that week (ISO 2026-W45, Monday 2 November), none answered.
    const sent = transparencyReport(session.db, WEEK);
    expect(sent.total).toEqual({
      reported: 5,
      actioned: 0,
      notActioned: 0,
      alreadyGone: 0,
      pending: 5,
      medianSecondsToAction: null,
      p90SecondsToAction: null,
    });
    expect(sent.weeks.map((w) => [w.week, w.start, w.reported])).toEqual([['2026-W45', '2026-11-02', 5]]);

    // The platform answers 3 of 5; the deadline (at 240) passes with 2 unanswered.
    await importResponse(
      session,
      Buffer.from(
        JSON.stringify(
          responseTo(notice, [
            { itemId: a, status: 'removed', actedAt: at(130).toISOString() },
            { itemId: b, status: 'restricted', actedAt: at(180).toISOString() },
            { itemId: c, status: 'not-actioned', actedAt: at(200).toISOString(), reason: 'No violation' },
          ]),
        ),
      ),
      { caseId: kase.id, fileName: 'r.json', now: at(210) },
    );
    recordObservation(session, kase.id, { allOpen: true, status: 'still-online' }, at(300));
    const answered = rows(transparencyCsv(transparencyReport(session.db, WEEK)));
    expect(answered.find((r) => r.breakdown === 'week')).toMatchObject({
      iso_week: '2026-W45',
      week_start: '2026-11-02',
      reported: '5',
      actioned: '2',
      not_actioned: '1',
      already_gone: '0',
      pending: '2',
      // 120 and 170 minutes after the notice: rank ⌈0.5·2⌉ = 1 and ⌈0.9·2⌉ = 2
      median_seconds_to_action: String(120 * MIN),
      p90_seconds_to_action: String(170 * MIN),
    });

    // The analyst sees the other two gone; the case is actioned.
    recordObservation(session, kase.id, { itemIds: [d], status: 'removed', at: at(330).toISOString() }, at(360));
    expect(recordObservation(session, kase.id, { itemIds: [e], status: 'removed' }, at(400)).status).toBe('actioned');

    const report = transparencyReport(session.db, WEEK);
    const csv = rows(transparencyCsv(report));
    // 120, 170, 320 and 390 minutes: median rank ⌈0.5·4⌉ = 2, 90th percentile rank ⌈0.9·4⌉ = 4
    const week = {
      period_from: '2026-11-02',
      period_to: '2026-11-08',
      breakdown: 'week',
      iso_week: '2026-W45',
      week_start: '2026-11-02',
      platform: '',
      category: '',
      reported: '5',
      actioned: '4',
      not_actioned: '1',
      already_gone: '0',
      pending: '0',
      median_seconds_to_action: String(170 * MIN),
      p90_seconds_to_action: String(390 * MIN),
    };
    expect(csv.find((r) => r.breakdown === 'week')).toEqual(week);
    expect(csv.find((r) => r.breakdown === 'total')).toEqual({
      ...week,
      breakdown: 'total',
      iso_week: '',
      week_start: '',
    });
    expect(csv.filter((r) => r.breakdown === 'category')).toEqual([
      expect.objectContaining({ category: 'terrorist-content', reported: '5', actioned: '4' }),
    ]);
    const telegram = [a, b, c, d, e].filter((id) => platformOf(id) === 'telegram');
    expect(report.platforms.map((p) => [p.platform, p.reported])).toEqual([
      ['telegram', telegram.length],
      ['youtube', 5 - telegram.length],
    ]);
    expect(csv.filter((r) => r.breakdown === 'week-platform-category').map((r) => r.platform)).toEqual([
      'telegram',
      'youtube',
    ]);

    // Another week, or a period before the notice, counts nothing (and still lists its weeks).
    const next = transparencyReport(session.db, { from: '2026-11-09', to: '2026-11-15' });
    expect(next.total.reported).toBe(0);
    expect(next.weeks).toEqual([
      expect.objectContaining({ week: '2026-W46', reported: 0, medianSecondsToAction: null }),
    ]);
    expect(rows(transparencyCsv(next)).find((r) => r.breakdown === 'week')!.median_seconds_to_action).toBe('');
    session.close('test');
  });

  it('writes the CSV and a one-page PDF in both languages with counts only: no address, name or evidence of the channels', async () => {
    const { session, kase, notice } = await sentCase();
    await importResponse(
      session,
      Buffer.from(
        JSON.stringify(
          responseTo(notice, [{ itemId: notice.items[0]!.itemId, status: 'removed', actedAt: at(130).toISOString() }]),
        ),
      ),
      { caseId: kase.id, fileName: 'r.json', now: at(210) },
    );
    const dir = tempDir();
    const month = { from: '2026-11-01', to: '2026-11-30' };
    const opts = { resourcesDir: RESOURCES, now: at(500) };
    const csvPath = join(dir, 'laporan.csv');
    await exportTransparency(session, POLICY, month, csvPath, { ...opts, format: 'csv', language: 'id' });
    const texts = [readFileSync(csvPath, 'utf8')];
    for (const language of ['id', 'en'] as const) {
      const pdf = join(dir, `laporan-${language}.pdf`);
      const written = await exportTransparency(session, POLICY, month, pdf, { ...opts, format: 'pdf', language });
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(written.bytes).toBe(readFileSync(pdf).length);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
      texts.push(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    }
    const [csv, id, en] = texts as [string, string, string];
    expect(id).toContain('Laporan transparansi');
    expect(id).toContain('Konten terorisme');
    expect(en).toContain('Transparency report');
    expect(en).toContain('nearest-rank');
    const secrets = notice.items.flatMap((i) => [
      i.canonicalUrl,
      ...i.originalUrls,
      i.title,
      ...(i.identifiers.username ? [i.identifiers.username] : []),
    ]);
    secrets.push(...notice.evidence.flatMap((ev) => [ev.path, ev.sha256.replace('sha256:', '')]));
    for (const text of texts) {
      expect(text).not.toMatch(/https?:\/\/|t\.me|youtube\.com/i);
      for (const secret of secrets) expect(text, secret).not.toContain(secret);
    }
    expect(csv).toContain('2026-W45');

    // Every export is audited; an existing file is never overwritten; the policy's folders bind.
    const audited = session.db.all<{ details: string }>(
      sql`SELECT details FROM audit WHERE action = 'transparency.exported' ORDER BY seq`,
    );
    expect(audited.map((r) => JSON.parse(r.details).format)).toEqual(['csv', 'pdf', 'pdf']);
    await expect(
      exportTransparency(session, POLICY, month, csvPath, { ...opts, format: 'csv', language: 'en' }),
    ).rejects.toThrow(/already exists/);
    await expect(
      exportTransparency(session, { allowedExportFolders: [tempDir()] }, month, join(dir, 'x.csv'), {
        ...opts,
        format: 'csv',
        language: 'en',
      }),
    ).rejects.toMatchObject({ code: 'POLICY' });
    session.close('test');
  });
});
