import { getChannel } from '../catalog/channels';
import { latestExport } from '../cases/case-status';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { getEvidence } from '../evidence/evidence-repo';
import { stepsAtOnce, TurnBudget } from '../in-turns';
import { noticeIdOf } from '../cases/notice-id';
import { noticeItems } from '../cases/notice-items';
import { utc } from '../notice/utc';
import type { VaultSession } from '../vault/session';
import { channelIdsByUrl, type NoticeRecord, recordedItems } from './recorded-items';

/** The notice's own row; its items are recorded once items_recorded is 1 (migration 0019). */
function insertNoticeRow(db: Db, caseId: number, exportId: number, notice: NoticeRecord): void {
  db.run(sql`INSERT INTO notices (export_id, case_id, notice_id, revision, issued_at, deadline, items_recorded)
    VALUES (${exportId}, ${caseId}, ${notice.noticeId}, ${notice.revision}, ${notice.issuedAt}, ${notice.deadline}, 0)`);
}

/** An item's evidence rows written in one step: a few milliseconds' work. */
const EVIDENCE_PER_STEP = 1000;

/**
 * Writes the notice's items as it listed them, a step for each item and each EVIDENCE_PER_STEP of
 * its evidence (each step in the transaction of whoever runs it), and marks the record whole after
 * the last. The catalog rows were found before (RecordedItem): the caller's transaction holds the
 * thread, and only writes.
 */
function* itemRowSteps(db: Db, caseId: number, exportId: number, notice: NoticeRecord): Generator<void, void> {
  for (const [position, item] of notice.items.entries()) {
    yield;
    db.run(sql`INSERT INTO notice_items (export_id, item_id, case_id, position, kind, parent_item_id, platform, category,
        canonical_url, title, username, numeric_id, channel_id)
      VALUES (${exportId}, ${item.itemId}, ${caseId}, ${position}, ${item.kind}, ${item.parentItemId}, ${item.platform},
        ${item.category}, ${item.canonicalUrl}, ${item.title}, ${item.username}, ${item.numericId}, ${item.channelId})`);
    // A statement for each EVIDENCE_PER_STEP of the item's evidence, SQLite looping over the ids: a
    // statement per row held a 10,000-item export's last transaction 66-85 ms, one for all 28-47 (3
    // runs each); one for the 20,000 of one channel's item was a transaction of 67-68 ms (2 runs).
    // (`WHERE true` lets SQLite read ON CONFLICT as the upsert clause after a SELECT.)
    for (let from = 0; from < item.evidenceIds.length; from += EVIDENCE_PER_STEP) {
      if (from > 0) yield;
      const ids = item.evidenceIds.slice(from, from + EVIDENCE_PER_STEP);
      db.run(sql`INSERT INTO notice_item_evidence (export_id, item_id, evidence_id)
        SELECT ${exportId}, ${item.itemId}, value FROM json_each(${JSON.stringify(ids)}) WHERE true
        ON CONFLICT DO NOTHING`);
    }
  }
  db.run(sql`UPDATE notices SET items_recorded = 1 WHERE export_id = ${exportId}`);
}

/** Item writers still running, by export, for each open database: ensureNoticeRecord finishes one at once. */
const writing = new WeakMap<Db, Map<number, Generator<void, void>>>();

/**
 * For the export's last transaction: the notice's row alone, its items not yet recorded. The
 * export, its audit entry and its status commit with it; recordNoticeItems writes the items after.
 */
export function beginNoticeRecord(session: VaultSession, caseId: number, exportId: number, notice: NoticeRecord): void {
  insertNoticeRow(session.db, caseId, exportId, notice);
}

/**
 * How long a transaction of the items writes before it commits: its commit then takes about as long
 * again (the pages it wrote, sealed into the log). At 20 ms the 1,000-channel case's transactions
 * held the thread 24-37 ms each, at 8 ms 16-22 (2 runs each).
 */
const ITEMS_PER_TRANSACTION_MS = 8;

/**
 * Writes the items of a notice beginNoticeRecord began, in transactions that each end once they
 * have written for ITEMS_PER_TRANSACTION_MS, with a turn between them: in the export's one last
 * transaction, the 6,000 items of a case of 1,000 channels held the app's thread 165-337 ms. Stops
 * without a word when the vault is locked meanwhile, or when another caller finished the record
 * (ensureNoticeRecord here, or the same vault's other process made it again): the record is whole,
 * or made again later.
 */
export async function recordNoticeItems(
  session: VaultSession,
  caseId: number,
  exportId: number,
  notice: NoticeRecord,
): Promise<void> {
  const db = session.db;
  const steps = itemRowSteps(db, caseId, exportId, notice);
  const writers = writing.get(db) ?? new Map<number, Generator<void, void>>();
  writing.set(db, writers.set(exportId, steps));
  const budget = new TurnBudget(ITEMS_PER_TRANSACTION_MS);
  // true once no item is left to write here
  const writeSome = () => {
    if (!itemsUnrecorded(db, exportId)) return true;
    for (;;) {
      if (steps.next().done) return true;
      if (budget.due()) return false;
    }
  };
  try {
    // a turn first, between the export's last transaction and this one's
    for (;;) {
      await budget.take();
      // The log's copy on the keeper's worker, started after the last commit, ends before the next
      // transaction: otherwise the log is never found copied whole, never starts over, and grew to
      // 70 MB at 20,000 items, where SQLite's own checkpoint ran inside a commit on this thread
      // (IN_COMMIT_CHECKPOINT_FRAMES): 64-122 ms, fsyncs of the database file among them.
      await db.walCopied();
      if (!session.isOpen || db.tx(writeSome)) return;
    }
  } finally {
    writers.delete(exportId);
  }
}

const itemsUnrecorded = (db: Db, exportId: number) =>
  db.get(sql`SELECT 1 FROM notices WHERE export_id = ${exportId} AND items_recorded = 0`) !== undefined;

/** The notice and its items at once, in place of what an unfinished record of them holds. */
function remakeNoticeRecord(session: VaultSession, caseId: number, exportId: number, notice: NoticeRecord) {
  const db = session.db;
  db.tx(() => {
    db.run(sql`DELETE FROM notice_item_evidence WHERE export_id = ${exportId}`);
    db.run(sql`DELETE FROM notice_items WHERE export_id = ${exportId}`);
    db.run(sql`DELETE FROM notices WHERE export_id = ${exportId}`);
    insertNoticeRow(db, caseId, exportId, notice);
    stepsAtOnce(itemRowSteps(db, caseId, exportId, notice));
  });
}

/**
 * Reads, with a turn whenever the thread has been held 20 ms, the catalog rows the export's record
 * points at: each item's channel and each evidence row. Its last transaction (the evidence recorded
 * as having left: caseExported) and the transactions of the notice's items check every one, and a
 * page out of the cache was read and decrypted there, on the app's thread: at 10,000 items the last
 * transaction held the thread 96-102 ms, 27-28 ms with the pages read beforehand (the same export, 2
 * runs each); without them, once the items moved out of it, 57-63 ms. The vault's usual page cache
 * (64 MiB, 16,384 pages) keeps them: about five evidence rows to a page since thumbnails left the row
 * (migration 0018), one before.
 */
export async function readNoticeParents(session: VaultSession, notice: NoticeRecord): Promise<void> {
  const budget = new TurnBudget(20);
  for (const item of notice.items) {
    if (item.kind !== 'post' && item.channelId !== null)
      session.db.get(sql`SELECT 1 FROM channels WHERE id = ${item.channelId}`);
    for (const evidenceId of item.evidenceIds) {
      await budget.takeIfDue();
      session.db.get(sql`SELECT 1 FROM evidence WHERE id = ${evidenceId}`);
    }
  }
}

/**
 * The record of the case's latest notice, whole. One this process's export is still writing is
 * finished at once, from the export's own items. A case exported before outcomes were tracked has
 * no record of its notice's items, and one whose export stopped while writing them (the vault
 * locked, the app stopped) has part: they are made again from the case, whose content cannot have
 * changed since (only drafts change), with the same item ids (they are named from the notice id
 * and the item). Returns the latest export's id.
 */
export function ensureNoticeRecord(session: VaultSession, caseId: number): number | undefined {
  const latest = latestExport(session, caseId);
  if (!latest) return undefined;
  const record = session.db.get<{ items_recorded: number }>(
    sql`SELECT items_recorded FROM notices WHERE export_id = ${latest.id}`,
  );
  if (record?.items_recorded === 1) return latest.id;
  const writer = writing.get(session.db)?.get(latest.id);
  if (writer) {
    session.db.tx(() => stepsAtOnce(writer));
    return latest.id;
  }
  const kase = session.db.get<{ due_at: string; revision: number }>(
    sql`SELECT due_at, revision FROM cases WHERE id = ${caseId}`,
  )!;
  const channels = session.db
    .all<{ channel_id: number }>(
      sql`SELECT channel_id FROM case_channels WHERE case_id = ${caseId} ORDER BY channel_id`,
    )
    .map((r) => getChannel(session, r.channel_id));
  const evidence = session.db
    .all<{ evidence_id: number }>(
      sql`SELECT evidence_id FROM case_evidence WHERE case_id = ${caseId} ORDER BY evidence_id`,
    )
    .map((r) => ({ detail: getEvidence(session, r.evidence_id), path: `#${r.evidence_id}` }));
  const noticeId = noticeIdOf(session.db, caseId);
  remakeNoticeRecord(session, caseId, latest.id, {
    noticeId,
    revision: kase.revision,
    issuedAt: utc(latest.exported_at),
    deadline: utc(kase.due_at),
    items: recordedItems(noticeItems(noticeId, channels, evidence), {
      evidenceIdOf: (path) => Number(path.slice(1)),
      channelIdOf: channelIdsByUrl(channels),
    }),
  });
  return latest.id;
}

/**
 * Makes whole every case's latest notice record an export left unfinished (the app stopped while it
 * wrote the items): the case list's and the dashboard's overdue counts read the records as they
 * are, and would count only the items written before the stop. For the moment a vault is unlocked:
 * a record that cannot be made now does not keep the vault shut, and is tried again (its error
 * shown) when the case page asks for it.
 */
export function finishUnfinishedNoticeRecords(session: VaultSession): void {
  const cases = session.db.all<{ case_id: number }>(sql`SELECT DISTINCT case_id FROM notices WHERE items_recorded = 0`);
  for (const { case_id } of cases) {
    try {
      ensureNoticeRecord(session, case_id);
    } catch {
      // left unfinished, for the case page
    }
  }
}
