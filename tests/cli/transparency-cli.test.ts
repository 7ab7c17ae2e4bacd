import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/core/csv';
import { FAST_KDF } from '../fixtures/temp-constants';
import { cliWorkspace } from '../fixtures/cli';

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

describe('jejak transparency', () => {
  it(
    'prints and writes the counts of a period (CSV, one-page PDF) with nothing of the channels, and says what is wrong',
    { timeout: 120_000 },
    () => {
      const ws = cliWorkspace();
      // A case sent 350 minutes ago (tests/fixtures/seed-outcomes.ts), and the platform's answer for 3 of its 5 items.
      execFileSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/seed-outcomes.ts', ws.dir]);
      expect(ws.run(['case', 'response', join(ws.dir, 'response.json')]).code).toBe(0);
      const period = ['--from', day(2), '--to', day(0)];

      const json = ws.run(['transparency', ...period, '--json']);
      expect(json.code, json.stderr).toBe(0);
      const report = JSON.parse(json.stdout);
      // removed about 50 and restricted about 150 minutes after the notice (the seed reads the clock
      // as it goes): nearest rank of the two gives the first as the median, the second as the p90
      const notice = execFileSync('unzip', ['-p', join(ws.dir, 'package.zip'), '*/data/notice.json'], {
        encoding: 'utf8',
      });
      const issued = Date.parse(JSON.parse(notice).issuedAt);
      const answered = JSON.parse(readFileSync(join(ws.dir, 'response.json'), 'utf8')).items as Array<{
        actedAt: string;
      }>;
      const [removed, restricted] = answered.map((i) => Math.round((Date.parse(i.actedAt) - issued) / 1000)) as [
        number,
        number,
      ];
      expect(Math.round(removed / 60)).toBe(50);
      expect(report.total).toEqual({
        reported: 5,
        actioned: 2,
        notActioned: 1,
        alreadyGone: 0,
        pending: 2,
        medianSecondsToAction: removed,
        p90SecondsToAction: restricted,
      });
      expect(report.weeks.reduce((n: number, w: { reported: number }) => n + w.reported, 0)).toBe(5);
      expect(report.written).toEqual([]);

      const csv = join(ws.dir, 'laporan.csv');
      const pdf = join(ws.dir, 'laporan.pdf');
      const id = ws.run(['transparency', ...period, '--csv', csv, '--pdf', pdf, '--lang', 'id']);
      expect(id.code, id.stderr).toBe(0);
      expect(id.stdout).toMatch(/^Laporan transparansi \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}: .*minggu ISO \(UTC\)/);
      expect(id.stdout).toMatch(/^\tDilaporkan\tDitindak\tTidak ditindak\tSudah hilang\tBelum ada hasil\t/m);
      // whole minutes below an hour, hours with one decimal; the seed's clock may add a few seconds
      expect(id.stdout).toMatch(/^Jumlah\t5\t2\t1\t0\t2\t5\d menit\t2,5 jam$/m);
      expect(id.stdout).toMatch(/^telegram\t4\t/m);
      expect(id.stdout).toContain(`Ditulis ${csv} (`);
      const rows = parseCsv(readFileSync(csv, 'utf8'));
      expect(rows[0]).toContain('median_seconds_to_action');
      expect(rows.find((r) => r[2] === 'total')!.slice(7)).toEqual([
        '5',
        '2',
        '1',
        '0',
        '2',
        String(removed),
        String(restricted),
      ]);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
      const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(pdfText).toContain('Laporan transparansi');
      for (const text of [readFileSync(csv, 'utf8'), pdfText, id.stdout]) {
        expect(text).not.toMatch(
          /https?:|t\.me\/|youtube\.com|DaulahMedia|Daulah Media|kajian_hijrah|Kanal Tertutup|Propaganda ?Channel|1234567890/i,
        );
      }

      // Mistakes: usage and dates exit 2, an existing file is never overwritten, the policy's folders bind (1).
      const refusals: Array<[string[], number, RegExp]> = [
        [['transparency', '--from', day(2)], 2, /Usage: jejak transparency --from YYYY-MM-DD --to YYYY-MM-DD/],
        [['transparency', '--from', '2026-02-30', '--to', day(0)], 2, /"2026-02-30" is not a date \(YYYY-MM-DD\)/],
        [['transparency', '--from', day(0), '--to', day(3)], 2, /The period ends .* before it starts/],
        [['transparency', ...period, '--csv', csv], 2, /laporan\.csv already exists; choose another name/],
      ];
      for (const [args, code, says] of refusals) {
        const run = ws.run(args);
        expect({ args, code: run.code }).toEqual({ args, code });
        expect(run.stderr).toMatch(says);
      }
      const allowed = join(ws.dir, 'ekspor');
      mkdirSync(allowed);
      writeFileSync(ws.policyPath, JSON.stringify({ kdf: FAST_KDF, allowedExportFolders: [allowed] }));
      const refused = ws.run(['transparency', ...period, '--pdf', join(ws.dir, 'elsewhere.pdf')]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/allows exports only to/);
      expect(ws.run(['transparency', ...period, '--pdf', join(allowed, 'report.pdf')]).code).toBe(0);
      expect(ws.run(['audit', 'verify']).code).toBe(0);
    },
  );
});
