import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotPng } from '../fixtures/catalog';
import { cliWorkspace } from '../fixtures/cli';
import { decide, exportCase, unitDesk } from '../fixtures/unit-packages';

const STRICT = { allowAnonymousVault: false };

interface NoticeJson {
  noticeId: string;
  issuedAt: string;
  items: Array<{ itemId: string }>;
}

const noticeOf = (zip: string): NoticeJson =>
  JSON.parse(execFileSync('unzip', ['-p', zip, '*/data/notice.json'], { encoding: 'utf8' })) as NoticeJson;

describe('jejak CLI: the unit counts outcomes of the notices it merged', () => {
  it("a platform's response taken in by its notice id: the unit's transparency report counts it once; unknown notices and items are refused, an analyst's vault takes none", async () => {
    const { sari, budi, unit } = unitDesk(() => cliWorkspace(STRICT));
    const approved = decide(
      budi,
      exportCase(sari, {
        title: 'Propaganda',
        name: 'sari',
        channels: ['https://t.me/s/DaulahMedia', 'https://t.me/kanal_satu', 'https://t.me/kanal_dua'],
        shots: [await screenshotPng(710)],
      }),
      'approve',
      'sari-approved',
    );
    expect(unit.run(['unit', 'import', approved]).code).toBe(0);
    const notice = noticeOf(approved);
    const items = notice.items.length;
    expect(items).toBeGreaterThanOrEqual(3);
    const day = notice.issuedAt.slice(0, 10);
    const period = ['--from', day, '--to', day, '--json'];
    const before = JSON.parse(unit.run(['transparency', ...period]).stdout);
    expect(before.total).toMatchObject({ reported: items, actioned: 0, pending: items });

    const actedAt = new Date(Date.parse(notice.issuedAt) + 1000).toISOString();
    const response = {
      format: 'jejak-response/1',
      noticeId: notice.noticeId,
      respondedAt: new Date().toISOString(),
      responder: { organisation: 'Telegram' },
      items: [
        { itemId: notice.items[0]!.itemId, status: 'removed', actedAt, ticket: 'TG-1' },
        { itemId: notice.items[1]!.itemId, status: 'not-actioned', actedAt, reason: 'not illegal here' },
      ],
    };
    const file = join(unit.dir, 'telegram-response.json');
    writeFileSync(file, JSON.stringify(response));
    const taken = unit.run(['unit', 'response', file]);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toMatch(
      new RegExp(`Imported the response of Telegram to .*: 2 outcome\\(s\\) recorded, ${items - 2} of ${items} item`),
    );
    const after = JSON.parse(unit.run(['transparency', ...period]).stdout);
    expect(after.total).toMatchObject({
      reported: items,
      actioned: 1,
      notActioned: 1,
      pending: items - 2,
    });
    // from the analyst's signing time, which the statement keeps in whole seconds
    expect(after.total.medianSecondsToAction).toBeGreaterThanOrEqual(1);
    expect(after.total.medianSecondsToAction).toBeLessThanOrEqual(2);
    expect(after.platforms).toEqual([expect.objectContaining({ platform: 'telegram', reported: items, actioned: 1 })]);

    const again = unit.run(['unit', 'response', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already imported: this response of Telegram .*nothing changed/);
    expect(JSON.parse(unit.run(['transparency', ...period]).stdout)).toEqual(after);

    const otherNotice = join(unit.dir, 'other-notice.json');
    writeFileSync(otherNotice, JSON.stringify({ ...response, noticeId: '6f1c2a4e-0b7d-4c3e-9a55-2d8e1f3b7c90' }));
    const refused = unit.run(['unit', 'response', otherNotice]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/No package in this unit catalog carries notice 6f1c2a4e/);
    const unknownItem = join(unit.dir, 'unknown-item.json');
    writeFileSync(
      unknownItem,
      JSON.stringify({
        ...response,
        items: [{ ...response.items[0], itemId: '2ed6657d-e927-568b-95e1-2665a8aea6a2' }],
      }),
    );
    expect(unit.run(['unit', 'response', unknownItem]).code).toBe(1);
    expect(JSON.parse(unit.run(['transparency', ...period]).stdout)).toEqual(after);
    const analystVault = sari.run(['unit', 'response', file]);
    expect(analystVault.code).toBe(2);
    expect(analystVault.stderr).toMatch(/role is not unit/);
    expect(unit.run(['audit', 'verify']).code).toBe(0);
  }, 600_000); // some 20 CLI runs, each unlocking a vault: slow on a loaded machine
});
