import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { flagReappearedChannel } from '../reappearance/channel-reappearance';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { type ChannelDetail, type ChannelInput, type ChannelRow, toSummary } from './channel-types';
import { exclusionJoin } from './exclusion';
import { type ParsedLink, parseLink } from './links';
import { setTags, tagsOf } from './tags';
import { CHANNEL_STATUSES, type ChannelStatus, categoriesFor, categoryOrLast, rememberCategory } from './vocabulary';

const exclusion = exclusionJoin('channel', 'c');

/**
 * Channels with their exclusion and the number of their evidence items (excluded ones left out, kept
 * by triggers: 0016-channel-evidence-counts): the row every channel view starts from.
 */
export const SELECT_CHANNEL = sql`SELECT c.*, ${exclusion.columns},
  coalesce((SELECT k.n FROM channel_evidence_counts k WHERE k.channel_id = c.id), 0) AS evidence_count FROM channels c ${exclusion.join}`;

export function parseOrThrow(url: string): ParsedLink {
  const parsed = parseLink(url);
  if (!parsed.ok)
    throw new JejakError('INVALID_INPUT', parsed.error.reason, { code: parsed.error.code }).because(
      `linkError.${parsed.error.code}`,
    );
  return parsed.link;
}

function checkCategory(policy: Policy, category: string): void {
  if (!categoriesFor(policy).includes(category))
    throw new JejakError(
      'INVALID_INPUT',
      `Unknown category "${category}". Known: ${categoriesFor(policy).join(', ')}.`,
    );
}

function checkStatus(status: string): asserts status is ChannelStatus {
  if (!(CHANNEL_STATUSES as readonly string[]).includes(status))
    throw new JejakError('INVALID_INPUT', `Unknown status "${status}". Known: ${CHANNEL_STATUSES.join(', ')}.`);
}

export function getChannel(session: VaultSession, id: number): ChannelDetail {
  const db = session.db;
  const row = db.get<ChannelRow>(sql`${SELECT_CHANNEL} WHERE c.id = ${id}`);
  if (!row) throw new JejakError('NOT_FOUND', `No channel ${id}.`);
  // added to the summary, not spread: see getEvidence
  return Object.assign(toSummary(row), {
    notes: row.notes,
    tags: tagsOf(db, 'channel', id),
    urls: db
      .all<{ url: string; post_id: string | null; added_at: string }>(
        sql`SELECT url, post_id, added_at FROM channel_urls WHERE channel_id = ${id} ORDER BY id`,
      )
      .map((u) => ({ url: u.url, postId: u.post_id, addedAt: u.added_at })),
    statusHistory: db.all<{ status: string; at: string; actor: string; note: string }>(
      sql`SELECT status, at, actor, note FROM channel_status_history WHERE channel_id = ${id} ORDER BY id`,
    ),
    hashListItems: db.get<{ n: number }>(
      sql`SELECT count(DISTINCT m.evidence_id) AS n FROM hash_list_matches m JOIN evidence e ON e.id = m.evidence_id WHERE e.channel_id = ${id}`,
    )!.n,
  });
}

export function findChannelId(session: VaultSession, key: string): number | undefined {
  return session.db.get<{ id: number }>(sql`SELECT id FROM channels WHERE key = ${key}`)?.id;
}

/**
 * Adds a channel, or finds it when its canonical key is already known (any link form of the same
 * channel lands on one row). Every original URL is kept as entered. Call inside a transaction
 * when adding many.
 */
export function addOrFindChannel(
  session: VaultSession,
  policy: Policy,
  input: ChannelInput,
  now = new Date().toISOString(),
): { id: number; created: boolean; link: ParsedLink } {
  const link = parseOrThrow(input.url);
  const db = session.db;
  const category = categoryOrLast(db, policy, input.category);
  checkCategory(policy, category);
  const status = input.status ?? 'active';
  checkStatus(status);
  return db.tx(() => {
    const existing = findChannelId(session, link.key);
    if (existing !== undefined) {
      const added = db.run(
        sql`INSERT INTO channel_urls (channel_id, url, post_id, added_at) VALUES (${existing}, ${link.input}, ${link.post?.id ?? null}, ${now}) ON CONFLICT DO NOTHING`,
      );
      db.run(sql`UPDATE channels SET last_seen = ${now} WHERE id = ${existing}`);
      if (added.changes > 0)
        session.audit({
          action: 'channel.url-added',
          subject: { type: 'channel', id: String(existing) },
          details: { url: link.input },
        });
      flagReappearedChannel(session, existing, false);
      return { id: existing, created: false, link };
    }
    const id = Number(
      db.run(sql`INSERT INTO channels (platform, kind, key, canonical_url, handle, title, category, status, subscriber_count, subscriber_seen_at, first_seen, last_seen, notes, created_at, created_by, updated_at)
        VALUES (${link.platform}, ${link.kind}, ${link.key}, ${link.canonicalUrl}, ${link.handle ?? null}, ${input.title?.trim() ?? ''}, ${category}, ${status},
                ${input.subscriberCount ?? null}, ${input.subscriberCount != null ? now : null}, ${now}, ${now}, ${input.notes ?? ''}, ${now}, ${session.actor}, ${now})`)
        .lastInsertRowid,
    );
    db.run(
      sql`INSERT INTO channel_urls (channel_id, url, post_id, added_at) VALUES (${id}, ${link.input}, ${link.post?.id ?? null}, ${now})`,
    );
    db.run(
      sql`INSERT INTO channel_status_history (channel_id, status, at, actor) VALUES (${id}, ${status}, ${now}, ${session.actor})`,
    );
    if (input.tags?.length) setTags(db, 'channel', id, input.tags);
    if (input.category) rememberCategory(db, input.category);
    session.audit({
      action: 'channel.created',
      subject: { type: 'channel', id: String(id) },
      details: { key: link.key, url: link.input, category, status },
    });
    flagReappearedChannel(session, id, true);
    return { id, created: true, link };
  });
}

export interface ChannelPatch {
  title?: string;
  category?: string;
  tags?: string[];
  notes?: string;
  subscriberCount?: number | null;
}

export function updateChannel(session: VaultSession, policy: Policy, id: number, patch: ChannelPatch): ChannelDetail {
  const before = getChannel(session, id);
  if (patch.category !== undefined) checkCategory(policy, patch.category);
  const now = new Date().toISOString();
  session.db.tx(() => {
    const db = session.db;
    if (patch.title !== undefined) db.run(sql`UPDATE channels SET title = ${patch.title.trim()} WHERE id = ${id}`);
    if (patch.category !== undefined) db.run(sql`UPDATE channels SET category = ${patch.category} WHERE id = ${id}`);
    if (patch.notes !== undefined) db.run(sql`UPDATE channels SET notes = ${patch.notes} WHERE id = ${id}`);
    if (patch.subscriberCount !== undefined)
      db.run(
        sql`UPDATE channels SET subscriber_count = ${patch.subscriberCount}, subscriber_seen_at = ${patch.subscriberCount === null ? null : now} WHERE id = ${id}`,
      );
    if (patch.tags !== undefined) setTags(db, 'channel', id, patch.tags);
    db.run(sql`UPDATE channels SET updated_at = ${now} WHERE id = ${id}`);
    const changed = Object.fromEntries(
      Object.entries(patch).filter(
        ([k, v]) =>
          v !== undefined && JSON.stringify(v) !== JSON.stringify((before as unknown as Record<string, unknown>)[k]),
      ),
    );
    session.audit({ action: 'channel.updated', subject: { type: 'channel', id: String(id) }, details: { changed } });
  });
  return getChannel(session, id);
}

export function setChannelStatus(session: VaultSession, id: number, status: string, note = ''): ChannelDetail {
  checkStatus(status);
  const before = getChannel(session, id);
  const now = new Date().toISOString();
  session.db.tx(() => {
    session.db.run(sql`UPDATE channels SET status = ${status}, updated_at = ${now} WHERE id = ${id}`);
    session.db.run(
      sql`INSERT INTO channel_status_history (channel_id, status, at, actor, note) VALUES (${id}, ${status}, ${now}, ${session.actor}, ${note})`,
    );
    session.audit({
      action: 'channel.status-changed',
      subject: { type: 'channel', id: String(id) },
      details: { from: before.status, to: status, note },
    });
  });
  return getChannel(session, id);
}
