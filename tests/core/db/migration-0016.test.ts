import { describe, expect, it } from 'vitest';
import { listChannels } from '../../../electron/core/catalog/channel-list';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/db/migrations';
import { channelEvidenceCounts } from '../../../electron/core/db/migrations/0016-channel-evidence-counts';
import { databaseAt, rows, runSql } from '../../fixtures/database-at';

const at = '2026-11-01T00:00:00.000Z';

/** A catalog as version 15 left it: four channels, evidence on three of them and on none, one item excluded. */
function before() {
  const db = databaseAt(channelEvidenceCounts.version - 1);
  runSql(db, "INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('b', 'b', 'b', 1, 'now')");
  for (let id = 1; id <= 4; id++)
    runSql(
      db,
      `INSERT INTO channels (id, platform, kind, key, canonical_url, title, category, status, first_seen, last_seen, notes, created_at, created_by, updated_at)
       VALUES (?, 'telegram', 'channel', ?, ?, ?, 'terorisme', 'active', ?, ?, '', ?, 'a', ?)`,
      id,
      `k${id}`,
      `https://t.me/k${id}`,
      `Kanal ${id}`,
      at,
      at,
      at,
      at,
    );
  const channels = [1, 1, 1, 2, null, 3, 2];
  channels.forEach((channel, i) => addEvidence(db, i + 1, channel));
  runSql(db, "INSERT INTO evidence_exclusions VALUES (2, ?, 'a', 'salah')", at);
  return db;
}

function addEvidence(db: ReturnType<typeof databaseAt>, id: number, channel: number | null) {
  runSql(
    db,
    `INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, original_name, intake_at, taken_by, channel_id, notes)
     VALUES (?, 'b', ?, '', 1, 'image/png', ?, ?, 'a', ?, '')`,
    id,
    String(id).padStart(64, '0'),
    `bukti-${id}.png`,
    at,
    channel,
  );
}

/** What the channel list shows as each channel's evidence count, and what counting the items gives. */
function counts(db: ReturnType<typeof databaseAt>) {
  const shown = listChannels(db, { filter: {}, sort: 'created', descending: false, offset: 0, limit: 10 }).rows.map(
    (c) => [c.id, c.evidenceCount],
  );
  const counted = rows(
    db,
    'SELECT c.id, (SELECT count(*) FROM evidence e WHERE e.channel_id = c.id AND e.excluded = 0) AS n FROM channels c ORDER BY c.id',
  ).map((r) => [(r as { id: number }).id, (r as { n: number }).n]);
  return { shown, counted };
}

describe('migration channel-evidence-counts (0016)', () => {
  it('counts on from the migrations before it', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[channelEvidenceCounts.version - 1]).toBe(channelEvidenceCounts);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(channelEvidenceCounts.version);
  });

  it("shows each channel's items not excluded, as counted before the migration", () => {
    const db = before();
    migrate(db, channelEvidenceCounts.version);
    const { shown, counted } = counts(db);
    expect(shown).toEqual([
      [1, 2],
      [2, 2],
      [3, 1],
      [4, 0],
    ]);
    expect(shown).toEqual(counted);
  });

  it('keeps the counts right through intake, exclusion, restoring, relinking, purging and a removed channel', () => {
    const db = before();
    migrate(db, channelEvidenceCounts.version);
    const steps: Array<[string, () => void]> = [
      ['intake', () => addEvidence(db, 8, 4)],
      ['intake without a channel', () => addEvidence(db, 9, null)],
      ['exclusion', () => runSql(db, "INSERT INTO evidence_exclusions VALUES (1, ?, 'a', 'salah')", at)],
      ['restored', () => runSql(db, 'DELETE FROM evidence_exclusions WHERE evidence_id = 2')],
      ['linked to another channel', () => runSql(db, 'UPDATE evidence SET channel_id = 3 WHERE id = 4')],
      ['an excluded item relinked', () => runSql(db, 'UPDATE evidence SET channel_id = 4 WHERE id = 1')],
      ['unlinked', () => runSql(db, 'UPDATE evidence SET channel_id = NULL WHERE id = 6')],
      ['linked', () => runSql(db, 'UPDATE evidence SET channel_id = 2 WHERE id = 5')],
      ['purged', () => runSql(db, 'DELETE FROM evidence WHERE id IN (3, 8)')],
      ['notes edited', () => runSql(db, "UPDATE evidence SET notes = 'baru' WHERE id = 7")],
    ];
    for (const [step, change] of steps) {
      change();
      const { shown, counted } = counts(db);
      expect(shown, step).toEqual(counted);
    }
    expect(counts(db).shown).toEqual([
      [1, 1],
      [2, 2],
      [3, 1],
      [4, 0],
    ]);
    // A channel removed: its items keep no channel (the key's ON DELETE SET NULL), and no count is left behind.
    runSql(db, 'DELETE FROM channels WHERE id = 3');
    expect(counts(db).shown).toEqual(counts(db).counted);
    expect(rows(db, 'SELECT n FROM channel_evidence_counts WHERE channel_id = 3')).toEqual([{ n: 0 }]);
  });
});
