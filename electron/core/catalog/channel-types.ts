import { type Exclusion, type ExclusionColumns, exclusionOf } from './exclusion';
import type { ChannelStatus } from './vocabulary';

export interface ChannelSummary {
  id: number;
  platform: string;
  kind: string;
  key: string;
  canonicalUrl: string;
  handle: string | null;
  title: string;
  category: string;
  status: ChannelStatus;
  subscriberCount: number | null;
  subscriberSeenAt: string | null;
  firstSeen: string;
  lastSeen: string;
  createdAt: string;
  /** evidence items linked to the channel, excluded ones left out */
  evidenceCount: number;
  excluded: Exclusion | null;
}

export interface ChannelDetail extends ChannelSummary {
  notes: string;
  tags: string[];
  urls: Array<{ url: string; postId: string | null; addedAt: string }>;
  statusHistory: Array<{ status: string; at: string; actor: string; note: string }>;
  /** the channel's evidence items an imported hash list flags */
  hashListItems: number;
}

export interface ChannelInput {
  url: string;
  title?: string;
  category?: string;
  status?: ChannelStatus;
  tags?: string[];
  notes?: string;
  subscriberCount?: number | null;
}

export interface ChannelRow extends ExclusionColumns {
  id: number;
  platform: string;
  kind: string;
  key: string;
  canonical_url: string;
  handle: string | null;
  title: string;
  category: string;
  status: ChannelStatus;
  subscriber_count: number | null;
  subscriber_seen_at: string | null;
  first_seen: string;
  last_seen: string;
  created_at: string;
  notes: string;
  evidence_count: number;
}

export function toSummary(row: ChannelRow): ChannelSummary {
  return {
    id: row.id,
    platform: row.platform,
    kind: row.kind,
    key: row.key,
    canonicalUrl: row.canonical_url,
    handle: row.handle,
    title: row.title,
    category: row.category,
    status: row.status,
    subscriberCount: row.subscriber_count,
    subscriberSeenAt: row.subscriber_seen_at,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    createdAt: row.created_at,
    evidenceCount: row.evidence_count,
    excluded: exclusionOf(row),
  };
}
