import type { Migration } from './index';

/**
 * Each channel's number of evidence items not excluded, kept as rows change. A channel page shows
 * it on every row; counted on the fly, each of a page's 200 rows walked its own run of the
 * 1,000,000-entry evidence index (a third of a cold page's time at a unit's scale). Kept here, it is
 * one lookup by channel id in a table of a row per channel. Triggers keep it, so every writer
 * (intake, linking to another channel, exclusion through its flag, purge, a channel's removal
 * setting its items' channel to none) keeps it right without knowing of it. A channel with no
 * items has no row, or a row at 0 once its last item went; readers take a missing row as 0.
 */
export const channelEvidenceCounts: Migration = {
  version: 16,
  name: 'channel-evidence-counts',
  up: /* sql */ `
    CREATE TABLE channel_evidence_counts (
      channel_id INTEGER PRIMARY KEY,
      n INTEGER NOT NULL
    ) STRICT;
    INSERT INTO channel_evidence_counts
      SELECT channel_id, count(*) FROM evidence WHERE channel_id IS NOT NULL AND excluded = 0 GROUP BY channel_id;

    CREATE TRIGGER evidence_channel_count_insert AFTER INSERT ON evidence
      WHEN new.channel_id IS NOT NULL AND new.excluded = 0 BEGIN
      INSERT INTO channel_evidence_counts VALUES (new.channel_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER evidence_channel_count_delete AFTER DELETE ON evidence
      WHEN old.channel_id IS NOT NULL AND old.excluded = 0 BEGIN
      UPDATE channel_evidence_counts SET n = n - 1 WHERE channel_id = old.channel_id;
    END;
    CREATE TRIGGER evidence_channel_count_update AFTER UPDATE OF channel_id, excluded ON evidence
      WHEN old.channel_id IS NOT new.channel_id OR old.excluded != new.excluded BEGIN
      UPDATE channel_evidence_counts SET n = n - 1 WHERE channel_id = old.channel_id AND old.excluded = 0;
      INSERT INTO channel_evidence_counts SELECT new.channel_id, 1 WHERE new.channel_id IS NOT NULL AND new.excluded = 0
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;
  `,
};
