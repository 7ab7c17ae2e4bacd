import { mapInTurns } from '../in-turns';
import type { Notice, NoticeItem } from '../notice/notice-types';

/** The catalog rows a notice's items stand for: evidence by its path in the bag, the case's channels by canonical URL. */
export interface NoticeRows {
  evidenceIdOf: (path: string) => number | undefined;
  channelIdOf: (canonicalUrl: string) => number | undefined;
}

/** The case's channels by canonical URL, as a notice's items name them. */
export function channelIdsByUrl(channels: readonly { id: number; canonicalUrl: string }[]): NoticeRows['channelIdOf'] {
  const byUrl = new Map(channels.map((c) => [c.canonicalUrl, c.id]));
  return (url) => byUrl.get(url);
}

/**
 * What the record keeps of a notice's item: its row's columns, its catalog rows found already. An
 * export holds its notice's record from the moment the notice is made until the package is written:
 * as the notice's whole items (their URLs, times and evidence paths) and the maps from paths and
 * URLs to rows, a 20,000-item case of 1,000 channels kept 10.7 MiB of its thread's heap (a heap
 * snapshot) for all the time its evidence streamed.
 */
export interface RecordedItem {
  itemId: string;
  kind: NoticeItem['kind'];
  parentItemId: string | null;
  platform: string;
  category: NoticeItem['category'];
  canonicalUrl: string;
  title: string;
  username: string | null;
  /** the platform's numeric id of the channel (identifiers.channelId) */
  numericId: string | null;
  /** the case's channel the item stands for (a post: its channel's), or null */
  channelId: number | null;
  evidenceIds: number[];
}

/** What of a notice is recorded: its items, not the evidence's details. */
export type NoticeRecord = Pick<Notice, 'noticeId' | 'revision' | 'issuedAt' | 'deadline'> & { items: RecordedItem[] };

/** Each item as recorded, in the notice's order (a post after its channel, whose row it takes). */
export function recordedItems(items: readonly NoticeItem[], rows: NoticeRows): RecordedItem[] {
  return items.map(recordingWith(rows));
}

/** recordedItems with a turn whenever the thread has been held long (in-turns.ts). */
export function recordedItemsInTurns(items: readonly NoticeItem[], rows: NoticeRows): Promise<RecordedItem[]> {
  return mapInTurns(items, recordingWith(rows));
}

function recordingWith(rows: NoticeRows): (item: NoticeItem) => RecordedItem {
  const channelOf = new Map<string, number | null>();
  return (item) => {
    const channelId =
      item.kind === 'post'
        ? (channelOf.get(item.parentItemId ?? '') ?? null)
        : (rows.channelIdOf(item.canonicalUrl) ?? null);
    channelOf.set(item.itemId, channelId);
    const evidenceIds: number[] = [];
    for (const path of item.evidence) {
      const id = rows.evidenceIdOf(path);
      if (id !== undefined) evidenceIds.push(id);
    }
    return {
      itemId: item.itemId,
      kind: item.kind,
      parentItemId: item.parentItemId,
      platform: item.platform,
      category: item.category,
      canonicalUrl: item.canonicalUrl,
      title: item.title,
      username: item.identifiers.username,
      numericId: item.identifiers.channelId,
      channelId,
      evidenceIds,
    };
  };
}
