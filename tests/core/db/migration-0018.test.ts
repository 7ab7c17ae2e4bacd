import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrations';
import { thumbnailBytes } from '../../../electron/core/db/migrations/0018-thumbnail-bytes';
import { sql } from '../../../electron/core/db/sql';
import { evidenceThumbnail, getEvidence } from '../../../electron/core/evidence/evidence-repo';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { databaseAt, rows, runSql } from '../../fixtures/database-at';
import { newVault } from '../../fixtures/temp';

const picture = Buffer.from('a thumbnail, as JPEG bytes would be');

describe('migration thumbnail-bytes (0018)', () => {
  it('leaves the evidence rows of version 17 as they were, thumbnails in them included', () => {
    const db = databaseAt(thumbnailBytes.version - 1);
    runSql(db, "INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('b', 'b', 'b', 1, 'now')");
    runSql(
      db,
      `INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, thumbnail, thumbnail_type, intake_at, taken_by)
       VALUES (1, 'b', 'b', '', 1, 'image/png', ?, 'image/jpeg', 'now', 'a')`,
      picture,
    );
    const before = rows(db, 'SELECT * FROM evidence');
    migrate(db);
    expect(rows(db, 'SELECT * FROM evidence')).toEqual(before);
    expect(rows(db, 'SELECT * FROM evidence_thumbnails')).toEqual([]);
  });

  it("keeps a new item's thumbnail out of its row, shows one made before where it is, and holds none for an item that is not there", async () => {
    const { session } = await newVault();
    const taken = await intakeBytes(session, POLICY, await screenshotPng(181), { originalName: 'baru.png' });
    const made = evidenceThumbnail(session, taken.evidenceId)!;
    expect(made.bytes.length).toBeGreaterThan(0);
    expect(getEvidence(session, taken.evidenceId).hasThumbnail).toBe(true);
    expect(session.db.get(sql`SELECT thumbnail FROM evidence WHERE id = ${taken.evidenceId}`)).toEqual({
      thumbnail: null,
    });
    // the same picture where a vault before 0018 kept it: in the evidence row
    session.db.run(sql`UPDATE evidence SET thumbnail = ${made.bytes} WHERE id = ${taken.evidenceId}`);
    session.db.run(sql`DELETE FROM evidence_thumbnails`);
    expect(evidenceThumbnail(session, taken.evidenceId)).toEqual(made);
    // no thumbnail for an item that is not there
    expect(() =>
      session.db.run(
        sql`INSERT INTO evidence_thumbnails (evidence_id, bytes) VALUES (${taken.evidenceId + 1}, ${picture})`,
      ),
    ).toThrow(/FOREIGN KEY/);
  });
});
