import { sql } from '../db/sql';
import { channelIdOf } from '../catalog/links';
import type { VaultSession } from '../vault/session';
import { DOWN_ITEMS, type ReappearanceMatch, flagReappearance, nothingDown } from './reappearances';

interface ChannelFacts {
  id: number;
  platform: string;
  key: string;
  handle: string | null;
  title: string;
}

const handleOf = (c: ChannelFacts) => c.handle?.replace(/^@/, '').toLowerCase() || null;
const titleOf = (c: ChannelFacts) => c.title.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase() || null;

/** What makes `added` the same account as `earlier`, strongest first; null when nothing does. */
function matchOf(added: ChannelFacts, earlier: ChannelFacts): ReappearanceMatch | null {
  const numeric = channelIdOf(added);
  if (numeric !== null && numeric === channelIdOf(earlier)) return 'numeric-id';
  if (handleOf(added) !== null && handleOf(added) === handleOf(earlier)) return 'handle';
  if (titleOf(added) !== null && titleOf(added) === titleOf(earlier)) return 'title';
  return null;
}

function sameChannel(c: ChannelFacts): ReappearanceMatch {
  return handleOf(c) !== null ? 'handle' : channelIdOf(c) !== null ? 'numeric-id' : 'link';
}

/**
 * A channel added to the catalog, or a link to one already there, checked against the channels
 * taken down (an item of a notice with a removed, restricted or already-gone outcome). The same
 * channel linked again is back (its handle or number answers again: match by handle, numeric id or
 * link); a new one is flagged when its numeric id, handle or title is a removed channel's. Called
 * inside addOrFindChannel's transaction.
 */
export function flagReappearedChannel(session: VaultSession, channelId: number, created: boolean): void {
  if (nothingDown(session)) return;
  const added = session.db.get<ChannelFacts>(
    sql`SELECT id, platform, key, handle, title FROM channels WHERE id = ${channelId}`,
  );
  if (!added) return;
  const down = session.db.all<ChannelFacts & { case_id: number; item_id: string }>(
    sql`SELECT d.case_id, d.item_id, c.id, c.platform, c.key, c.handle, c.title
      FROM (${DOWN_ITEMS}) d JOIN notice_items i ON i.case_id = d.case_id AND i.item_id = d.item_id AND i.kind <> 'post'
      JOIN channels c ON c.id = i.channel_id GROUP BY d.case_id, d.item_id`,
  );
  for (const earlier of down) {
    // A link to a known channel can only be that channel; only a new row can be another's double.
    const match =
      earlier.id === added.id ? (created ? null : sameChannel(added)) : created ? matchOf(added, earlier) : null;
    if (match === null) continue;
    flagReappearance(session, {
      channelId,
      match,
      earlierCaseId: earlier.case_id,
      earlierItemId: earlier.item_id,
      earlierChannelId: earlier.id,
      earlierEvidenceId: null,
    });
  }
}
