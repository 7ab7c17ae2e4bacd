import type { Identity } from '../identity/identity';
import { mapOfInTurns, nextTurn } from '../in-turns';
import { jsonInTurns } from '../json-in-turns';
import { assertNoticeChecks } from '../notice/notice-check';
import type { Notice } from '../notice/notice-types';
import { channelIdsByUrl, type NoticeRecord, type NoticeRows, recordedItemsInTurns } from '../outcomes/recorded-items';
import type { Signer } from '../packages';
import type { Policy } from '../policy/policy';
import type { ReportDrawing } from '../report/pdf-in-worker';
import { type SpooledText, spooledText } from '../packages/spooled-text';
import { giveBackHeapIfLarge } from '../v8-settings';
import { type StreamedText, streamedText } from '../streamed-text';
import type { VaultSession } from '../vault/session';
import { buildNotice } from './build-notice';
import type { CaseDetail } from './cases';
import { custodyLog } from './custody';
import type { ExportOptions } from './export-case';
import { evidenceIdsByPath, thumbnailsOf } from './export-originals';
import { noticeIdOf } from './notice-id';
import { noticeSettings } from './notice-settings';
import { type BuiltReport, buildReport, channelsCsv, type EvidenceFile } from './report-builder';

// What an export's package says of the case (its texts, the notice, each original's place), made
// from the vault with the least of it held at once: at 20,000 items this is the export's peak.

// Each text is made by a function of its own: a closure made in caseDocuments shares one scope with
// every other closure made there that outlives the call (its `dispose`), and would keep the report to
// the export's end.

/** JSON.stringify(value, null, 2) and a newline, made in turns and sealed on disk until written. */
const jsonText = (value: unknown) =>
  spooledText(async function* () {
    yield* jsonInTurns(value);
    yield '\n';
  });

/** report.json and notice.json, each sealed on disk once made (spooled-text.ts): neither object is needed after. */
async function jsonTexts(report: unknown, notice: unknown): Promise<Record<'report' | 'notice', SpooledText>> {
  const reportText = await jsonText(report);
  try {
    return { report: reportText, notice: await jsonText(notice) };
  } catch (e) {
    await reportText.dispose();
    throw e;
  }
}

async function custodyText(db: VaultSession['db'], kase: CaseDetail): Promise<StreamedText> {
  const log = await custodyLog(db, kase.id, kase.channelIds, kase.evidenceIds);
  // each line made as it is read (counted, then written), never all at once (17 MiB of heap at 20,000 items)
  return streamedText(function* () {
    for (const line of log.lines()) yield `${line}\n`;
  });
}

function csvText(report: Parameters<typeof channelsCsv>[0]): Promise<StreamedText> {
  const csv = channelsCsv(report);
  return streamedText(() => [csv]);
}

export interface CaseDocuments {
  files: EvidenceFile[];
  /** what is recorded of the notice once the package is written */
  record: NoticeRecord;
  texts: Record<'report' | 'channels' | 'custody' | 'notice', StreamedText>;
  /** removes the texts' sealed copies: once the package is written, or has failed */
  dispose(): Promise<void>;
}

export type DocumentOptions = ExportOptions & { now: Date; pdf: ReportDrawing };

/** Whose case, signed by whom, for which unit, under which policy. */
export interface DocumentSource {
  session: VaultSession;
  kase: CaseDetail;
  identity: Identity;
  signer: Signer;
  unit: string;
  policy: Policy;
}

/**
 * The report and the notice, made from the case's records (each item's whole record, the channels'
 * details), which are let go of when this returns: at 20,000 items those records were 7 MiB of this
 * thread's heap, and a suspended call keeps every one of its locals.
 */
async function reportAndNotice(
  { session, kase, identity, signer, unit, policy }: DocumentSource,
  opts: DocumentOptions,
): Promise<Pick<BuiltReport, 'report' | 'files'> & { notice: Notice; channelIdOf: NoticeRows['channelIdOf'] }> {
  const { report, files, channels, evidence } = await buildReport(
    session,
    kase,
    identity,
    unit,
    opts.language,
    opts.now,
  );
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
  return { report, files, notice, channelIdOf: channelIdsByUrl(channels) };
}

/**
 * The report and the notice, checked against each other and the bag, and what is recorded of the
 * notice. What the check and the record were made from goes when this returns.
 */
async function checkedDocuments(
  source: DocumentSource,
  opts: DocumentOptions,
): Promise<Pick<BuiltReport, 'report' | 'files'> & { notice: Notice; record: NoticeRecord }> {
  const { report, files, notice, channelIdOf } = await reportAndNotice(source, opts);
  const rows = { evidenceIdOf: await evidenceIdsByPath(files), channelIdOf };
  const { noticeId, revision, issuedAt, deadline } = notice;
  const record = { noticeId, revision, issuedAt, deadline, items: await recordedItemsInTurns(notice.items, rows) };
  const bagEvidence = await mapOfInTurns(
    files,
    (f) => [`data/${f.path}`, { sha256: [f.sha256], sha512: [f.sha512], size: f.size }] as const,
  );
  await assertNoticeChecks(notice, {
    externalIdentifier: source.kase.reference,
    analystFingerprint: source.signer.fingerprint,
    evidence: bagEvidence,
  });
  return { report, files, notice, record };
}

/**
 * What the package says of the case, made from the vault: the payload's text files, the notice's
 * record (written once the package is) and each original's place in the bag. The items' details,
 * the report and the notice are let go of once their texts are made: report.json and notice.json
 * wait sealed on disk to be written. The report PDF begins drawing here, from its own copy.
 */
export async function caseDocuments(source: DocumentSource, opts: DocumentOptions): Promise<CaseDocuments> {
  const { report, files, notice, record } = await checkedDocuments(source, opts);
  const { session, kase } = source;
  // What the documents were made from is garbage, and the heap it grew stays until a collection
  // shrinks it, while their texts are made and the drawing thread's heap grows beside it.
  await giveBackHeapIfLarge();
  await nextTurn();
  const custody = await custodyText(session.db, kase);
  await nextTurn();
  await opts.pdf.draw(report, thumbnailsOf(session, files));
  const channels = await csvText(report);
  // made in turns: at 10,000 items report.json is 7 MB of text, notice.json 6
  const spooled = await jsonTexts(report, notice);
  return {
    files,
    record,
    texts: { report: spooled.report, channels, custody, notice: spooled.notice },
    dispose: async () => {
      await Promise.all([spooled.report.dispose(), spooled.notice.dispose()]);
    },
  };
}
