import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCase } from '../../../electron/core/cases/export-case';
import { sql } from '../../../electron/core/db/sql';
import { readNoticeFile } from '../../../electron/core/notice/notice-file';
import type { Notice } from '../../../electron/core/notice/notice-types';
import {
  beginNoticeRecord,
  ensureNoticeRecord,
  recordNoticeItems,
} from '../../../electron/core/outcomes/notice-record';
import type { NoticeRecord, RecordedItem } from '../../../electron/core/outcomes/recorded-items';
import { vaultTransparency } from '../../../electron/core/transparency/export-transparency';
import { unlockVault } from '../../../electron/core/vault/vault';
import type { VaultSession } from '../../../electron/core/vault/session';
import { testApp } from '../../fixtures/app';
import { analystCase, RESOURCES } from '../../fixtures/case';
import { POLICY } from '../../fixtures/catalog';
import { leaveUnfinished, sentCase } from '../../fixtures/outcomes';
import { newVault, PASSPHRASE, tempDir } from '../../fixtures/temp';

const itemRows = (session: VaultSession, exportId: number) =>
  session.db.all(sql`SELECT * FROM notice_items WHERE export_id = ${exportId} ORDER BY position`);
const evidenceRows = (session: VaultSession, exportId: number) =>
  session.db.all(sql`SELECT * FROM notice_item_evidence WHERE export_id = ${exportId} ORDER BY item_id, evidence_id`);
const whole = (session: VaultSession, exportId: number) =>
  session.db.get<{ items_recorded: number }>(sql`SELECT items_recorded FROM notices WHERE export_id = ${exportId}`)
    ?.items_recorded;
const latestExportId = (session: VaultSession, caseId: number) =>
  session.db.get<{ id: number }>(sql`SELECT max(id) AS id FROM case_exports WHERE case_id = ${caseId}`)!.id;

/** Many made-up items (no channel, no evidence): enough that writing them takes more than one turn. */
function manyItems(count: number): NoticeRecord {
  const items = Array.from({ length: count }, (_, i): RecordedItem => ({
    itemId: `item-${String(i).padStart(6, '0')}`,
    kind: 'channel',
    parentItemId: null,
    platform: 'telegram',
    category: 'terrorist-content',
    canonicalUrl: `https://t.me/kanal_${i}`,
    title: `Kanal ${i}`,
    username: `kanal_${i}`,
    numericId: null,
    channelId: null,
    evidenceIds: [],
  }));
  return {
    noticeId: 'JJK-TEST',
    revision: 2,
    issuedAt: '2026-11-02T09:00:00Z',
    deadline: '2026-11-03T09:00:00Z',
    items,
  };
}

/** A later export of the case, recorded as the export records one: its row and the notice's, no items yet. */
function laterExport(session: VaultSession, caseId: number, notice: NoticeRecord): number {
  return session.db.tx(() => {
    const id = Number(
      session.db.run(sql`INSERT INTO case_exports (case_id, file_name, tagmanifest_sha256, bytes, exported_at)
        VALUES (${caseId}, 'later.zip', 'x', 1, '2026-11-02T09:00:00Z')`).lastInsertRowid,
    );
    beginNoticeRecord(session, caseId, id, notice);
    return id;
  });
}

describe("an export's notice record", () => {
  it('is whole once the export returns', async () => {
    const { session, kase, notice } = await sentCase();
    const exportId = latestExportId(session, kase.id);
    expect(whole(session, exportId)).toBe(1);
    expect(itemRows(session, exportId).map((r) => (r as { item_id: string }).item_id)).toEqual(
      notice.items.map((i) => i.itemId),
    );
  });

  it('is made again from the case when the app stopped while its items were written, by the case page and by a transparency report', async () => {
    const { session, kase } = await sentCase();
    const exportId = latestExportId(session, kase.id);
    const items = itemRows(session, exportId);
    const evidence = evidenceRows(session, exportId);
    expect(evidence.length).toBeGreaterThan(0);

    leaveUnfinished(session, exportId);
    expect(ensureNoticeRecord(session, kase.id)).toBe(exportId);
    expect(itemRows(session, exportId)).toEqual(items);
    expect(evidenceRows(session, exportId)).toEqual(evidence);
    expect(whole(session, exportId)).toBe(1);

    leaveUnfinished(session, exportId);
    vaultTransparency(session, { from: '2026-11-02', to: '2026-11-08' });
    expect(itemRows(session, exportId)).toEqual(items);
    expect(whole(session, exportId)).toBe(1);
  });

  it('has its items written in short transactions, other work running between them, and a reader meanwhile gets them all', async () => {
    const { session, kase } = await sentCase();
    const notice = manyItems(10_000);
    const exportId = laterExport(session, kase.id, notice);
    const seenMeanwhile: number[] = [];
    let readerSaw: number | undefined;
    const watch = setInterval(() => {
      const count = itemRows(session, exportId).length;
      seenMeanwhile.push(count);
      if (readerSaw === undefined && count > 0 && whole(session, exportId) === 0) {
        // the case page, opened while the export still writes: it finishes the record at once
        expect(ensureNoticeRecord(session, kase.id)).toBe(exportId);
        readerSaw = itemRows(session, exportId).length;
      }
    }, 0);
    try {
      await recordNoticeItems(session, kase.id, exportId, notice);
    } finally {
      clearInterval(watch);
    }
    expect(seenMeanwhile.some((count) => count > 0 && count < notice.items.length)).toBe(true);
    expect(readerSaw).toBe(notice.items.length);
    expect(itemRows(session, exportId)).toHaveLength(notice.items.length);
    expect(whole(session, exportId)).toBe(1);
  });

  it("records every one of an item's thousands of evidence items, written in several steps", async () => {
    const { session, kase } = await sentCase();
    const count = 2_500;
    session.db.tx(() => {
      session.db.run(sql`INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('b', 'b', 'b', 1, 'now')`);
      for (let id = 100_001; id <= 100_000 + count; id++)
        session.db.run(sql`INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, intake_at, taken_by)
          VALUES (${id}, 'b', ${`sha-${id}`}, '', 1, 'image/png', 'now', 'a')`);
    });
    const notice = manyItems(1);
    notice.items[0]!.evidenceIds = Array.from({ length: count }, (_, i) => 100_001 + i);
    const exportId = laterExport(session, kase.id, notice);
    await recordNoticeItems(session, kase.id, exportId, notice);
    expect(
      session.db.get(sql`SELECT count(DISTINCT evidence_id) AS n, min(evidence_id) AS low, max(evidence_id) AS high
        FROM notice_item_evidence WHERE export_id = ${exportId}`),
    ).toEqual({ n: count, low: 100_001, high: 100_000 + count });
    expect(whole(session, exportId)).toBe(1);
  });

  it('keeps the database log short while its items are written: the log starts over between their transactions', async () => {
    const { session, kase, dir } = await sentCase();
    const notice = manyItems(10_000);
    const perItem = 20;
    session.db.tx(() => {
      session.db.run(sql`INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('b', 'b', 'b', 1, 'now')`);
      for (let id = 100_001; id <= 100_000 + notice.items.length * perItem; id++)
        session.db.run(sql`INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, intake_at, taken_by)
          VALUES (${id}, 'b', ${`sha-${id}`}, '', 1, 'image/png', 'now', 'a')`);
    });
    notice.items.forEach((item, i) => {
      item.evidenceIds = Array.from({ length: perItem }, (_, k) => 100_001 + i * perItem + k);
    });
    const exportId = laterExport(session, kase.id, notice);
    session.db.raw.pragma('wal_checkpoint(TRUNCATE)');
    const wal = join(dir, 'jejak.db-wal');
    let longest = 0;
    const watch = setInterval(() => (longest = Math.max(longest, statSync(wal).size)), 5);
    try {
      await recordNoticeItems(session, kase.id, exportId, notice);
    } finally {
      clearInterval(watch);
    }
    longest = Math.max(longest, statSync(wal).size);
    expect(whole(session, exportId)).toBe(1);
    // 4.3-4.4 MiB here; 14.9-15.0 when the log was never found copied whole between the transactions
    // (at 20,000 items an export's log grew to 70 MB, and SQLite copied it inside a commit, on this thread)
    expect(longest).toBeLessThan(8 * 1024 * 1024);
  });

  it('does not keep the vault shut when a record left unfinished cannot be made at unlock', async () => {
    const { session, kase, channels } = await sentCase();
    const exportId = latestExportId(session, kase.id);
    leaveUnfinished(session, exportId);
    // a case whose channel row is gone: making its record again fails
    session.db.raw.pragma('foreign_keys = OFF');
    session.db.run(sql`DELETE FROM channels WHERE id = ${channels[0]!}`);
    session.db.raw.pragma('foreign_keys = ON');
    expect(() => ensureNoticeRecord(session, kase.id)).toThrow();
    const app = testApp();
    try {
      expect(() => app.opened(session)).not.toThrow();
      expect(whole(session, exportId)).toBe(0);
    } finally {
      app.lock('test over');
    }
  });

  it("stops quietly when the vault is locked while its items are written, and the app's next unlock makes it whole from the case", async () => {
    const { session, dir, kase } = await sentCase();
    const caseItems = itemRows(session, latestExportId(session, kase.id)).length;
    const exportId = laterExport(session, kase.id, manyItems(10_000));
    const watch = setInterval(() => {
      if (itemRows(session, exportId).length > 0) {
        clearInterval(watch);
        session.close('locked while the export recorded its notice');
      }
    }, 0);
    await expect(recordNoticeItems(session, kase.id, exportId, manyItems(10_000))).resolves.toBeUndefined();
    clearInterval(watch);
    expect(session.isOpen).toBe(false);

    // the app's unlock makes it whole: the case list's overdue counts read it as it is
    const app = testApp();
    const again = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'analyst' });
    expect(whole(again, exportId)).toBe(0);
    app.opened(again);
    try {
      expect(whole(again, exportId)).toBe(1);
      expect(itemRows(again, exportId)).toHaveLength(caseItems);
      expect(ensureNoticeRecord(again, kase.id)).toBe(exportId);
    } finally {
      app.lock('test over');
    }
  });

  it('leaves the export standing when its items cannot be written: the package and its row, the record made later', async () => {
    const { session } = await newVault('analyst');
    const { kase } = await analystCase(session);
    const zip = join(tempDir(), 'package.zip');
    // a write the database refuses, as a full disk would refuse it, for the items alone
    session.db.run(sql`CREATE TEMP TRIGGER refuse_items BEFORE INSERT ON notice_items
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    await exportCase(session, POLICY, kase.id, zip, { language: 'id', resourcesDir: RESOURCES, version: '0.1.0-test' });
    const exportId = latestExportId(session, kase.id);
    expect(existsSync(zip)).toBe(true);
    expect(whole(session, exportId)).toBe(0);
    expect(itemRows(session, exportId)).toHaveLength(0);

    session.db.run(sql`DROP TRIGGER refuse_items`);
    expect(ensureNoticeRecord(session, kase.id)).toBe(exportId);
    expect(whole(session, exportId)).toBe(1);
    expect(itemRows(session, exportId)).toHaveLength(((await readNoticeFile(zip)) as Notice).items.length);
  });
});
