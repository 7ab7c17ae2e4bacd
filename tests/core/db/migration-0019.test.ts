import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/db/migrations';
import { noticeItemsRecorded } from '../../../electron/core/db/migrations/0019-notice-items-recorded';
import { databaseAt, rows, runSql } from '../../fixtures/database-at';

describe('migration notice-items-recorded (0019)', () => {
  it('is the latest', () => {
    expect(migrations.at(-1)).toBe(noticeItemsRecorded);
    expect(LATEST_VERSION).toBe(noticeItemsRecorded.version);
  });

  it('takes every notice recorded before it as whole, and holds nothing but 0 or 1', () => {
    const db = databaseAt(noticeItemsRecorded.version - 1);
    runSql(
      db,
      "INSERT INTO cases (id, reference, title, platform, priority, due_at, status, created_at, created_by, updated_at) VALUES (1, 'R', 'T', 'telegram', 'normal', 'later', 'sent', 'now', 'a', 'now')",
    );
    runSql(
      db,
      "INSERT INTO case_exports (id, case_id, file_name, tagmanifest_sha256, bytes, exported_at) VALUES (7, 1, 'p.zip', 'x', 1, 'now')",
    );
    runSql(
      db,
      "INSERT INTO notices (export_id, case_id, notice_id, revision, issued_at, deadline) VALUES (7, 1, 'N', 1, 'now', 'later')",
    );
    migrate(db);
    expect(rows(db, 'SELECT export_id, items_recorded FROM notices')).toEqual([{ export_id: 7, items_recorded: 1 }]);
    expect(() => runSql(db, 'UPDATE notices SET items_recorded = 2')).toThrow(/CHECK/);
  });
});
