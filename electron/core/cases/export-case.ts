import { join } from 'node:path';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { OffThreadDigest } from '../off-thread-digest';
import { getIdentity, type Identity, vaultSigner } from '../identity/identity';
import { nextTurn } from '../in-turns';
import { jsonInTurns } from '../json-in-turns';
import { type StreamedText, streamedText } from '../streamed-text';
import { buildNotice } from './build-notice';
import { assertNoticeChecks } from '../notice/notice-check';
import { noticeIdOf } from './notice-id';
import { noticeSettings } from './notice-settings';
import { type OperationOptions, type PayloadFile, type Signer, type WriteResult, writePackage } from '../packages';
import { NOTICE_JSON } from '../packages/bag-names';
import {
  channelIdsByUrl,
  type NoticeFacts,
  type NoticeRows,
  readNoticeParents,
  recordNotice,
} from '../outcomes/notice-record';
import { requireExportFolder } from '../policy/export-folders';
import type { Policy } from '../policy/policy';
import { type ReportDrawing, startReportPdfInWorker } from '../report/pdf-in-worker';
import type { ReportLanguage } from '../../common/report-json';
import type { VaultSession } from '../vault/session';
import { heapBoundsKept } from '../v8-settings';
import { caseExported, requireExportable } from './case-status';
import { type CaseDetail, getCase } from './cases';
import { custodyLines } from './custody';
import { fillMissingCrc32s, recordedCrc32s } from './export-crc';
import { evidenceIdsByPath, originalsOf, thumbnailsOf } from './export-originals';
import { exportRecipients } from './export-recipients';
import { buildReport, channelsCsv, type EvidenceFile } from './report-builder';

export interface ExportOptions extends OperationOptions {
  language: ReportLanguage;
  resourcesDir: string;
  version: string;
  now?: Date;
  /** age1… recipients to encrypt for; the policy's exportRecipients are always added */
  recipients?: readonly string[];
}

// Each text is made by a function of its own: a closure in caseDocuments would share that call's
// scope with the closures that outlive it (noticeRows), and keep the report and the custody lines
// (13 MiB of heap at 10,000 items) to the export's end.

/** JSON.stringify(value, null, 2) and a newline, in pieces made in turns. */
const jsonText = (value: unknown) =>
  streamedText(async function* () {
    yield* jsonInTurns(value);
    yield '\n';
  });

async function custodyText(db: VaultSession['db'], kase: CaseDetail): Promise<StreamedText> {
  const lines = await custodyLines(db, kase.id, kase.channelIds, kase.evidenceIds);
  // each line's text made as it is read, not all at once (13 MB at 20,000 items)
  return streamedText(function* () {
    for (const line of lines) yield `${line}\n`;
  });
}

function csvText(report: Parameters<typeof channelsCsv>[0]): Promise<StreamedText> {
  const csv = channelsCsv(report);
  return streamedText(() => [csv]);
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

interface CaseDocuments {
  files: EvidenceFile[];
  /** what is recorded of the notice once the package is written */
  notice: NoticeFacts;
  noticeRows: NoticeRows;
  texts: Record<'report' | 'channels' | 'custody' | 'notice', StreamedText>;
}

/**
 * What the package says of the case, made from the vault: the payload's text files, the notice (its
 * items are recorded once the package is written) and each original's place in the bag. The items'
 * details, the report and the notice are let go once their texts are written, first in the package:
 * at 10,000 items they were 12 MiB of this thread's heap. The report PDF begins drawing here, from
 * its own copy.
 */
async function caseDocuments(
  session: VaultSession,
  kase: CaseDetail,
  identity: Identity,
  signer: Signer,
  unit: string,
  policy: Policy,
  opts: ExportOptions & { now: Date; pdf: ReportDrawing },
): Promise<CaseDocuments> {
  const { report, files, channels, evidence } = await buildReport(
    session,
    kase,
    identity,
    unit,
    opts.language,
    opts.now,
  );
  await nextTurn();
  const custody = await custodyText(session.db, kase);
  await nextTurn();
  const notice = await buildNotice({
    noticeId: noticeIdOf(session.db, kase.id),
    // every case is its own first revision until cases carry revisions
    revision: 1,
    issuedAt: opts.now,
    report,
    signerFingerprint: signer.fingerprint,
    channels,
    evidence,
    settings: noticeSettings(policy),
  });
  const noticeRows = { evidenceIdOf: evidenceIdsByPath(files), channelIdOf: channelIdsByUrl(channels) };
  await nextTurn();
  const bagEvidence = new Map(
    files.map((f) => [`data/${f.path}`, { sha256: [f.sha256], sha512: [f.sha512], size: f.size }]),
  );
  await assertNoticeChecks(notice, {
    externalIdentifier: kase.reference,
    analystFingerprint: signer.fingerprint,
    evidence: bagEvidence,
  });
  await nextTurn();
  await opts.pdf.draw(report, thumbnailsOf(session, files));
  // made in turns, and again as they are written: at 10,000 items report.json is 7 MB of text, notice.json 6
  const texts = {
    report: await jsonText(report),
    channels: await csvText(report),
    custody,
    notice: await jsonText(notice),
  };
  const { noticeId, revision, issuedAt, deadline, items } = notice;
  return { files, notice: { noticeId, revision, issuedAt, deadline, items }, noticeRows, texts };
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
  let recorded: Pick<CaseDocuments, 'notice' | 'noticeRows'>;
  try {
    // The drawing and hashing threads start before the report is made, and this thread waits for
    // them: a worker's start lets this thread's young generation grow (heapBoundsKept), and making
    // the report keeps much of what it allocates.
    OffThreadDigest.warmUp();
    await heapBoundsKept();
    // Each step gives the event loop a turn (the long ones, a turn per batch of items), so the
    // window of the app, whose main thread this is, never freezes while the package is prepared.
    const made = await caseDocuments(session, kase, identity, signer, unit, policy, { ...opts, now, pdf });
    recorded = { notice: made.notice, noticeRows: made.noticeRows };
    // An encrypted package is sealed as its ZIP is written, which needs every original's CRC first.
    const crcs = await recordedCrc32s(session, made.files);
    if (recipients.length > 0) await fillMissingCrc32s(session, crcs, opts);
    await nextTurn();
    const payload: PayloadFile[] = [
      { path: 'report.pdf', later: pdf.spool },
      { path: 'report.json', ...made.texts.report },
      { path: 'channels.csv', ...made.texts.channels },
      { path: 'custody.jsonl', ...made.texts.custody },
      { path: NOTICE_JSON, ...made.texts.notice },
      ...originalsOf(session, made.files, crcs),
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
  }
  const { notice, noticeRows } = recorded;
  const fileName = `${result.name}.zip${recipients.length > 0 ? '.age' : ''}`;
  // The reading is over. At the small cache the pages this transaction writes spill to the log
  // before its commit: a fresh 3,000-item case's first export held the thread 71-92 ms here, 30 ms
  // at the usual cache (its second export 46-50 ms, 31-35 ms).
  endBulkRead();
  await readNoticeParents(session, notice, noticeRows);
  // the reads' last steps and the transaction (30-47 ms at 10,000 items) were one stall of 57-62 ms
  await nextTurn();
  session.db.tx(() => {
    const exportId = session.db.run(
      sql`INSERT INTO case_exports (case_id, file_name, tagmanifest_sha256, bytes, exported_at) VALUES (${caseId}, ${fileName}, ${result.tagmanifestSha256}, ${result.bytes}, ${now.toISOString()})`,
    ).lastInsertRowid;
    recordNotice(session, caseId, Number(exportId), notice, noticeRows);
    session.audit({
      action: 'case.exported',
      subject: { type: 'case', id: String(caseId) },
      details: {
        file: fileName,
        tagmanifestSha256: result.tagmanifestSha256,
        bytes: result.bytes,
        signer: signer.fingerprint,
        noticeId: notice.noticeId,
        recipients,
      },
    });
    caseExported(session, caseId, now);
  });
  return result;
}
