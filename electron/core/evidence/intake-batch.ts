import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { JejakError } from '../errors';
import { TurnBudget } from '../in-turns';
import { hashListsNameMd5 } from '../hashlists/hash-list-matching';
import type { Policy } from '../policy/policy';
import { type BatchedBlob, BlobBatch } from '../vault/blob-batch';
import { recordOriginal } from '../vault/originals';
import type { VaultSession } from '../vault/session';
import { releaseNow } from '../release-now';
import { IN_MEMORY_LIMIT, checkMeta, intakeFile, refuseEmpty, statOriginal } from './intake';
import {
  type Analysed,
  type IntakeMeta,
  type IntakeOptions,
  type IntakeOutcome,
  type Kept,
  analyseOriginal,
  duplicateIntake,
  indexRecorded,
  recordEvidence,
} from './intake-record';
import { SNIFF_BYTES, sniffMediaType } from './media';
import { evidenceIdBySha256, forgetPdq } from './pdq-index';

/**
 * A batch's bounds: its originals stay in memory until their rows commit, so it may not grow with
 * the number of files taken in (16 files: the barrier costs about the same for 32).
 */
const BATCH_FILES = 16;
const BATCH_BYTES = 16 * 1024 * 1024;
/**
 * The thread time intake takes between two returns to the event loop: a file read, hashed and
 * encrypted costs 1-5 ms and a file's rows 1-3 ms here, so a count of files per turn let eight of
 * them, or a batch's sixteen rows, hold the thread 40-60 ms (stall profile of 500 files).
 */
const TURN_BUDGET_MS = 15;
/** Pictures analysed at once after a batch is safe (sharp decodes each in full). */
const ANALYSIS_CONCURRENCY = 2;

export interface IntakeItem {
  path: string;
  meta?: Partial<IntakeMeta>;
}

export type IntakeItemResult = { ok: true; outcome: IntakeOutcome } | { ok: false; error: JejakError };

interface Staged {
  index: number;
  kept: Omit<Kept, 'stored'>;
  /** the blob, once the worker has its SHA-512 and MD5 */
  blob: Promise<BatchedBlob>;
}

/**
 * Many files at once, each answered in order: an original is read, hashed (SHA-256, SHA-512; MD5
 * only while a hash list names MD5) and encrypted as it comes; every BATCH_FILES files (or
 * BATCH_BYTES) the batch's blobs are made durable together (one barrier, not one fsync per file),
 * then analysed, then their rows commit (in transactions short enough for the window, see
 * commitBatch). A crash leaves rows only for blobs
 * already durable. A file that cannot be taken in (unreadable, empty, a bad link) is reported and
 * never stops the others; one over IN_MEMORY_LIMIT streams through intakeFile on its own.
 */
export async function intakeFiles(
  session: VaultSession,
  policy: Policy,
  items: IntakeItem[],
  opts: IntakeOptions = {},
): Promise<IntakeItemResult[]> {
  const results: IntakeItemResult[] = new Array(items.length);
  let batch = new BlobBatch(session.blobs);
  let staged: Staged[] = [];
  let stagedBytes = 0;
  // The batch before this one: its barrier runs on the disk while this thread reads, hashes and
  // encrypts the next. At most two batches are in memory: each flush first waits for the one before.
  let previous: Promise<void> = Promise.resolve();
  // MD5 only when a list could flag by it now; otherwise the queue's 'hashes' job adds it later.
  let md5 = hashListsNameMd5(session);
  const flush = async () => {
    const done = staged;
    const blobs = batch;
    staged = [];
    stagedBytes = 0;
    batch = new BlobBatch(session.blobs);
    md5 = hashListsNameMd5(session);
    if (!done.length) return;
    const barrier = blobs.durable();
    barrier.catch(() => undefined); // awaited once the batch before has committed
    await previous;
    previous = barrier.then(() => commitBatch(session, policy, done, opts, results));
    previous.catch(() => undefined); // awaited by the next flush or at the end
  };
  const failed = (index: number, e: unknown) => {
    if (!(e instanceof JejakError)) throw e;
    results[index] = { ok: false, error: e };
  };
  const turns = new TurnBudget(TURN_BUDGET_MS);
  try {
    for (let index = 0; index < items.length; index++) {
      const { path, meta = {} } = items[index]!;
      if (opts.signal?.aborted) {
        failed(index, new JejakError('CANCELLED', 'Cancelled.'));
        continue;
      }
      try {
        checkMeta(meta);
        const info = statOriginal(path);
        const full: IntakeMeta = { originalName: basename(path), fileTime: info.fileTime, via: 'file', ...meta };
        if (info.size > IN_MEMORY_LIMIT) {
          await flush();
          await previous;
          results[index] = { ok: true, outcome: await intakeFile(session, policy, path, meta, opts) };
          continue;
        }
        // Synchronous: for a screenshot, async reads cost more in round trips and garbage than the read (measured, bench vault).
        let bytes: Buffer;
        try {
          bytes = readFileSync(path);
        } catch {
          throw unreadable(path);
        }
        refuseEmpty(bytes.length, full);
        const mediaType = sniffMediaType(bytes.subarray(0, SNIFF_BYTES));
        const size = bytes.length;
        // `bytes` moves to the hashing worker here: what follows uses the copy the answer brings back.
        const blob = batch.add(bytes, md5);
        blob.catch(() => undefined); // awaited when the batch commits
        staged.push({ index, blob, kept: { size, mediaType, meta: full } });
        stagedBytes += size;
      } catch (e) {
        failed(index, e);
      }
      if (staged.length >= BATCH_FILES || stagedBytes >= BATCH_BYTES) await flush();
      // Back to the event loop now and then, so the window's calls are answered while files are read.
      await turns.takeIfDue();
    }
    await flush();
    await previous;
  } catch (e) {
    await batch.discard();
    await previous.catch(() => undefined);
    throw e;
  }
  return results;
}

/**
 * Once the batch is durable: the analysis, then the batch's rows (each file its own savepoint), in
 * as few transactions as keep each under the turn budget, with a turn between them. Every blob is
 * durable already, so any of them may commit first.
 */
async function commitBatch(
  session: VaultSession,
  policy: Policy,
  staged: Staged[],
  opts: IntakeOptions,
  results: IntakeItemResult[],
): Promise<void> {
  const blobs = await Promise.all(staged.map((s) => s.blob));
  const kept: Kept[] = staged.map((s, i) => ({ ...s.kept, stored: blobs[i]!.stored }));
  const analysed = await mapLimited(staged, ANALYSIS_CONCURRENCY, (s, i) =>
    evidenceIdBySha256(session, kept[i]!.stored.sha256) === undefined
      ? analyseOriginal(blobs[i]!.bytes, s.kept.mediaType, opts, blobs[i]!.md5)
      : Promise.resolve(null),
  );
  const turns = new TurnBudget(TURN_BUDGET_MS);
  let next = 0;
  while (next < staged.length) {
    if (next > 0) await turns.take();
    const indexed: IntakeOutcome[] = [];
    try {
      session.db.tx(() => {
        do {
          const i = next++;
          recordOriginal(session, kept[i]!.stored);
          try {
            const outcome = recordOne(session, policy, kept[i]!, analysed[i]!, opts);
            indexRecorded(session, outcome);
            indexed.push(outcome);
            results[staged[i]!.index] = { ok: true, outcome };
          } catch (e) {
            if (!(e instanceof JejakError)) throw e;
            results[staged[i]!.index] = { ok: false, error: e };
          }
        } while (next < staged.length && !turns.due());
      });
    } catch (e) {
      for (const o of indexed) forgetPdq(session, o.evidenceId);
      throw e;
    }
  }
  // The originals' bytes are done with (the media worker had copies). Given back now, not at a
  // collection: left to the collector, 1,000 screenshots (320 MB) brought 14 full collections.
  for (const blob of blobs) releaseNow(blob.bytes);
}

function recordOne(
  session: VaultSession,
  policy: Policy,
  kept: Kept,
  analysed: Analysed | null,
  opts: IntakeOptions,
): IntakeOutcome {
  const existing = evidenceIdBySha256(session, kept.stored.sha256);
  if (existing !== undefined) return session.db.tx(() => duplicateIntake(session, policy, kept, existing));
  // Only an item catalogued before the batch went unanalysed, and it is still there.
  if (!analysed) throw new JejakError('INTERNAL', 'An original was not analysed before its row.');
  return recordEvidence(session, policy, kept, analysed, opts);
}

function unreadable(path: string): JejakError {
  return new JejakError(
    'UNREADABLE',
    `Cannot read ${basename(path)}: the file does not exist or is not accessible.`,
  ).because('intakeError.unreadable', { name: basename(path) });
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
