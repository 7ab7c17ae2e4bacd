import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../electron/core/notice/notice-types';
import { screenshotPng } from '../fixtures/catalog';
import { cliWorkspace } from '../fixtures/cli';

const UNIT = 'Direktorat Pengendalian Konten';
/**
 * The clock the CLI reads is the machine's: an urgent case is due about a second after it is
 * opened, so by the time it has been exported, approved and answered its deadline has passed.
 */
const POLICY = { dueHours: { urgent: 0.0003, normal: 24 } };

/** An analyst's case of five notice items, exported, approved by a supervisor's package and submitted. */
async function sentCase() {
  const analyst = cliWorkspace(POLICY);
  const supervisor = cliWorkspace();
  analyst.run(['init', '--name', 'Sari Analis', '--unit', UNIT, '--id', 'NIP-1']);
  supervisor.run(['init', '--name', 'Budi Supervisor', '--unit', UNIT, '--id', 'NIP-2', '--role', 'supervisor']);
  const fingerprint = JSON.parse(supervisor.run(['identity', 'show', '--json']).stdout).fingerprint as string;
  const roster = join(analyst.dir, 'roster.json');
  writeFileSync(roster, JSON.stringify([{ fingerprint, name: 'Budi Supervisor', unit: UNIT, role: 'supervisor' }]));
  expect(analyst.run(['trust', 'import', roster]).code).toBe(0);

  const links = [
    'https://t.me/s/DaulahMedia',
    'https://t.me/kajian_hijrah/88',
    'https://www.youtube.com/@Propaganda',
    't.me/c/1234567890',
  ];
  for (const url of links) analyst.run(['channel', 'add', url, '--category', 'terorisme']);
  const shot = join(analyst.dir, 'shot.png');
  writeFileSync(shot, await screenshotPng(41, 640, 480));
  const evidenceId = analyst
    .run(['evidence', 'add', shot, '--channel', 't.me/daulahmedia'])
    .stdout.split('\t')[0]!
    .slice(1);
  const reference = analyst
    .run(['case', 'create', 'Propaganda', '--platform', 'telegram', '--priority', 'urgent'])
    .stdout.trim();
  analyst.run(['case', 'add', reference, ...links.flatMap((l) => ['--channel', l]), '--evidence', evidenceId]);
  const zip = join(analyst.dir, 'r1.zip');
  expect(analyst.run(['case', 'export', reference, '--out', zip]).code).toBe(0);
  const approved = join(supervisor.dir, 'approved.zip');
  const review = [
    'review',
    zip,
    '--approve',
    '--without-item-review',
    '--reason',
    'Diperiksa bersama',
    '--out',
    approved,
  ];
  expect(supervisor.run(review).code).toBe(0);
  expect(analyst.run(['case', 'receive', approved]).code).toBe(0);
  expect(analyst.run(['case', 'status', reference, 'submitted']).code).toBe(0);
  const notice = JSON.parse(execFileSync('unzip', ['-p', zip, '*/data/notice.json'], { encoding: 'utf8' })) as Notice;
  return { analyst, reference, notice, evidenceId };
}

/** Now, as a platform or an analyst writes it; every deadline here passed a second after its case was opened. */
const nowIso = () => new Date().toISOString();

describe('jejak CLI: outcomes per item', () => {
  // Some thirty commands, each a process that unlocks the vault: slow on a busy machine.
  it(
    'case response for 3 of 5 items, 2 overdue past the deadline, case observe for the rest, and the case is actioned',
    { timeout: 300_000 },
    async () => {
      const { analyst, reference, notice, evidenceId } = await sentCase();
      expect(notice.items).toHaveLength(5);
      const [a, b, c, d, e] = notice.items.map((i) => i.itemId) as [string, string, string, string, string];
      const respond = (items: unknown[], noticeId = notice.noticeId) => {
        const path = join(analyst.dir, `response-${randomUUID()}.json`);
        const doc = {
          format: 'jejak-response/1',
          noticeId,
          respondedAt: nowIso(),
          responder: { organisation: 'Telegram' },
          items,
        };
        writeFileSync(path, JSON.stringify(doc));
        return path;
      };
      const removed = (itemId: string) => ({
        itemId,
        status: 'removed',
        actedAt: nowIso(),
        ticket: `TG-${itemId.slice(0, 4)}`,
      });

      // Wrong files first: each says why, with its exit code, and records nothing.
      const garbage = join(analyst.dir, 'garbage.json');
      writeFileSync(garbage, '{"format": "jejak-response/1", "items": [');
      const refusals: Array<[string, number, RegExp]> = [
        [garbage, 2, /not UTF-8 JSON/],
        [join(analyst.dir, 'missing.json'), 2, /Cannot read missing\.json/],
        [respond([{ ...removed(a), status: 'taken-down' }]), 1, /\/items\/0\/status: must be one of/],
        [respond([removed(a)], randomUUID()), 1, /This response answers notice [0-9a-f-]{36}, not the notice of/],
        [respond([removed(a), removed(randomUUID())]), 1, /does not list: \/items\/1\/itemId/],
      ];
      for (const [file, code, says] of refusals) {
        const run = analyst.run(['case', 'response', file, '--case', reference]);
        expect({ file, code: run.code }).toEqual({ file, code });
        expect(run.stderr).toMatch(says);
      }
      expect(JSON.parse(analyst.run(['case', 'outcomes', reference, '--json']).stdout).counts).toMatchObject({
        final: 0,
      });

      const answer = respond([
        removed(a),
        { ...removed(b), status: 'restricted' },
        { ...removed(c), status: 'not-actioned', reason: 'Tidak melanggar' },
      ]);
      const imported = analyst.run(['case', 'response', answer]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(
        new RegExp(
          `^Imported the response of Telegram to ${reference}: 3 outcome\\(s\\) recorded, 2 of 5 item\\(s\\) still open; the case is acknowledged\\.`,
        ),
      );
      expect(analyst.run(['case', 'response', answer, '--case', reference]).stdout).toMatch(
        /^Already imported: .*nothing changed/,
      );

      // The deadline has passed: the two unanswered items are overdue, in the list and on the case.
      expect(analyst.run(['case', 'list']).stdout).toMatch(
        new RegExp(`^${reference}\\tacknowledged\\turgent\\t\\S+\\tOVERDUE \\(2 items\\)\\t`),
      );
      const outcomes = analyst.run(['case', 'outcomes', reference]).stdout;
      expect(outcomes).toMatch(/3 of 5 item\(s\) final, 2 overdue/);
      expect(outcomes).toMatch(
        new RegExp(`${a}\\tchannel\\thttps://t.me/daulahmedia\\tremoved \\(response, .*\\).* LATE\\tticket TG-`),
      );
      expect(outcomes).toMatch(new RegExp(`${d}\\t.*\\tno outcome\\tOVERDUE`));

      expect(analyst.run(['case', 'observe', reference, '--all-open', '--status', 'still-online']).stdout).toMatch(
        new RegExp(`^${reference}: 2 item\\(s\\) recorded still-online; the case is acknowledged\\.`),
      );
      // Both --item and --all-open: a usage mistake, nothing recorded.
      expect(analyst.run(['case', 'observe', reference, '--all-open', '--item', d, '--status', 'removed']).code).toBe(
        2,
      );
      expect(
        analyst.run(['case', 'observe', reference, '--item', d, '--status', 'removed', '--at', nowIso()]).code,
      ).toBe(0);
      const closing = analyst.run([
        'case',
        'observe',
        reference,
        '--item',
        e.slice(0, 8),
        '--status',
        'removed',
        '--evidence',
        `#${evidenceId}`,
        '--note',
        'Kanal hilang',
      ]);
      expect(closing.stdout).toMatch(
        new RegExp(`^${reference}: 1 item\\(s\\) recorded removed; the case is actioned\\.`),
      );

      const done = JSON.parse(analyst.run(['case', 'outcomes', reference, '--json']).stdout);
      expect(done.counts).toEqual({ items: 5, final: 5, open: 0, overdue: 0 });
      expect(done.items.find((i: { itemId: string }) => i.itemId === e).history[0]).toMatchObject({
        status: 'removed',
        source: 'observation',
        evidenceId: Number(evidenceId),
        note: 'Kanal hilang',
      });
      expect(analyst.run(['case', 'list']).stdout).toMatch(
        new RegExp(`^${reference}\\tactioned\\turgent\\t\\S+\\t-\\t`),
      );
      expect(analyst.run(['audit', 'verify']).code).toBe(0);

      // The removed channel's handle comes back.
      analyst.run(['channel', 'add', '@DaulahMedia']);
      expect(analyst.run(['reappearances', '--channel', 't.me/daulahmedia']).stdout).toMatch(
        new RegExp(`reappeared \\(handle\\)\\tearlier: https://t.me/daulahmedia in ${reference}`),
      );
    },
  );
});
