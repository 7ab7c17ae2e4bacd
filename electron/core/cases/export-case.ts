import { join } from 'node:path';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { OffThreadDigest } from '../off-thread-digest';
import { getIdentity, vaultSigner } from '../identity/identity';
import { nextTurn } from '../in-turns';
import { type OperationOptions, type PayloadFile, type WriteResult, writePackage } from '../packages';
import { NOTICE_JSON } from '../packages/bag-names';
import { beginNoticeRecord, readNoticeParents, recordNoticeItems } from '../outcomes/notice-record';
import { requireExportFolder } from '../policy/export-folders';
import type { Policy } from '../policy/policy';
import { startReportPdfInWorker } from '../report/pdf-in-worker';
import type { ReportLanguage } from '../../common/report-json';
import type { VaultSession } from '../vault/session';
import { giveBackHeapIfLarge, heapBoundsKept } from '../v8-settings';
import { caseExported, requireExportable } from './case-status';
import { getCase } from './cases';
import { originalsOf } from './export-originals';
import { type CaseDocuments, caseDocuments } from './export-documents';
import { exportRecipients } from './export-recipients';

export interface ExportOptions extends OperationOptions {
  language: ReportLanguage;
  resourcesDir: string;
  version: string;
  now?: Date;
  /** age1… recipients to encrypt for; the policy's exportRecipients are always added */
  recipients?: readonly string[];
}

/**
 * Writes the case as a signed report package (PACKAGE-FORMAT.md) to `destination`: evidence
 * streams straight from the encrypted store into the ZIP, each checked against its catalogued
 * SHA-256; a cancel or an error leaves nothing at the destination, and a folder the policy does not
 * allow is refused before anything is written. With recipients (or a policy that names some) the
 * package is an age file for them, and its ZIP is never on disk in clear.
 */
export async function exportCase(
  session: VaultSession,
  policy: Policy,
  caseId: number,
  destination: string,
  opts: ExportOptions,
): Promise<WriteResult> {
  // Every item and preview of the case is read once: the page cache stays small meanwhile.
  const endBulkRead = session.db.bulkReading();
  try {
    return await writeExport(session, policy, caseId, destination, opts, endBulkRead);
  } finally {
    endBulkRead();
  }
}

async function writeExport(
  session: VaultSession,
  policy: Policy,
  caseId: number,
  destination: string,
  opts: ExportOptions,
  endBulkRead: () => void,
): Promise<WriteResult> {
  requireExportFolder(policy, destination);
  const kase = getCase(session, caseId);
  requireExportable(kase);
  if (kase.channelIds.length === 0 && kase.evidenceIds.length === 0)
    throw new JejakError('INVALID_INPUT', 'The case has no channels or evidence to send.');
  const signer = vaultSigner(session, policy.unitName);
  const identity = getIdentity(session);
  const recipients = exportRecipients(policy, opts.recipients ?? [], destination, identity.ageRecipient);
  const unit = policy.unitName ?? identity.unit;
  const now = opts.now ?? new Date();
  // the case read (at 10,000 items 18 ms) and the threads' start (their code loaded, 15 ms) in
  // turns of their own
  await nextTurn();
  // The PDF is drawn on another thread while the evidence streams, and waits sealed on disk (a
  // PdfSpool) to be written after it: its size and CRC are then known for its ZIP entry's header,
  // which needs no data descriptor (some ZIP readers refuse those for stored entries). Whatever
  // ends the export early stops the drawing too.
  const drawing = new AbortController();
  const stopDrawing = () => drawing.abort();
  opts.signal?.addEventListener('abort', stopDrawing, { once: true });
  const pdf = startReportPdfInWorker({ fontsDir: join(opts.resourcesDir, 'fonts'), now, signal: drawing.signal });
  pdf.spool.catch(() => undefined); // its failure is the export's, raised where the writer awaits it
  let result: WriteResult;
  let record: CaseDocuments['record'];
  let made: CaseDocuments | undefined;
  try {
    // The drawing and hashing threads start before the report is made, and this thread waits for
    // them: a worker's start lets this thread's young generation grow (heapBoundsKept), and making
    // the report keeps much of what it allocates.
    OffThreadDigest.warmUp();
    await heapBoundsKept();
    // Each step gives the event loop a turn (the long ones, a turn per batch of items), so the
    // window of the app, whose main thread this is, never freezes while the package is prepared.
    made = await caseDocuments({ session, kase, identity, signer, unit, policy }, { ...opts, now, pdf });
    record = made.record;
    // What the documents were made from is garbage now (their texts wait sealed on disk), and the
    // heap it grew stays until a collection shrinks it, while the drawing thread's grows beside it.
    await giveBackHeapIfLarge();
    const originals = await originalsOf(session, made.files, recipients.length > 0, opts);
    await nextTurn();
    const payload: PayloadFile[] = [
      { path: 'report.pdf', later: pdf.spool },
      { path: 'report.json', ...made.texts.report },
      { path: 'channels.csv', ...made.texts.channels },
      { path: 'custody.jsonl', ...made.texts.custody },
      { path: NOTICE_JSON, ...made.texts.notice },
      ...originals,
    ];
    result = await writePackage(
      {
        bagInfo: {
          sourceOrganization: unit,
          contactName: identity.name,
          externalIdentifier: kase.reference,
          externalDescription: kase.title,
          platform: kase.platform,
          priority: kase.priority,
          due: kase.dueAt,
          softwareAgent: `jejak ${opts.version}`,
        },
        payload,
        signer,
      },
      destination,
      { signal: opts.signal, onProgress: opts.onProgress, now, encryptFor: recipients },
    );
  } finally {
    stopDrawing();
    opts.signal?.removeEventListener('abort', stopDrawing);
    await pdf.spool.then(
      (spool) => spool.dispose(),
      () => undefined,
    );
    await made?.dispose();
  }
  const fileName = `${result.name}.zip${recipients.length > 0 ? '.age' : ''}`;
  // The reading is over. At the small cache the pages the record's transactions write spill to the
  // log before their commit: a fresh 3,000-item case's first export held the thread 71-92 ms here,
  // 30 ms at the usual cache (its second export 46-50 ms, 31-35 ms). The record is the package's
  // row, the notice's, the audit entry and the case's status in one transaction, then the notice's
  // items in short ones (recordNoticeItems); the turn before keeps the package's last steps apart.
  endBulkRead();
  await readNoticeParents(session, record);
  await nextTurn();
  const exportId = session.db.tx(() => {
    const id = Number(
      session.db.run(
        sql`INSERT INTO case_exports (case_id, file_name, tagmanifest_sha256, bytes, exported_at) VALUES (${caseId}, ${fileName}, ${result.tagmanifestSha256}, ${result.bytes}, ${now.toISOString()})`,
      ).lastInsertRowid,
    );
    beginNoticeRecord(session, caseId, id, record);
    session.audit({
      action: 'case.exported',
      subject: { type: 'case', id: String(caseId) },
      details: {
        file: fileName,
        tagmanifestSha256: result.tagmanifestSha256,
        bytes: result.bytes,
        signer: signer.fingerprint,
        noticeId: record.noticeId,
        recipients,
      },
    });
    caseExported(session, caseId, now);
    return id;
  });
  try {
    await recordNoticeItems(session, caseId, exportId, record);
  } catch {
    // The package is written and recorded: the export stands. The record's items are made again
    // from the case when next asked for (ensureNoticeRecord, the next unlock), where an error that
    // persists (a full disk) is shown.
  }
  return result;
}
