import type { Identity } from '../identity/identity';
import { mapOfInTurns, nextTurn } from '../in-turns';
import { jsonInTurns } from '../json-in-turns';
import { assertNoticeChecks } from '../notice/notice-check';
import type { Notice } from '../notice/notice-types';
import { channelIdsByUrl, type NoticeFacts, type NoticeRows } from '../outcomes/notice-record';
import type { Signer } from '../packages';
import type { Policy } from '../policy/policy';
import type { ReportDrawing } from '../report/pdf-in-worker';
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

// Each text is made by a function of its own: a closure in caseDocuments would share that call's
// scope with the closures that outlive it (noticeRows), and keep the report to the export's end.

/** JSON.stringify(value, null, 2) and a newline, in pieces made in turns. */
const jsonText = (value: unknown) =>
  streamedText(async function* () {
    yield* jsonInTurns(value);
    yield '\n';
  });

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
  notice: NoticeFacts;
  noticeRows: NoticeRows;
  texts: Record<'report' | 'channels' | 'custody' | 'notice', StreamedText>;
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
 * The report and the notice, checked against each other and the bag. What they were made from (each
 * item's whole record, the channels' details) is let go when this returns: at 20,000 items those
 * records were 7 MiB of this thread's heap, and a suspended call keeps every one of its locals.
 */
async function reportAndNotice(
  { session, kase, identity, signer, unit, policy }: DocumentSource,
  opts: DocumentOptions,
): Promise<Pick<BuiltReport, 'report' | 'files'> & { notice: Notice; noticeRows: NoticeRows }> {
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
  const noticeRows = { evidenceIdOf: await evidenceIdsByPath(files), channelIdOf: channelIdsByUrl(channels) };
  const bagEvidence = await mapOfInTurns(
    files,
    (f) => [`data/${f.path}`, { sha256: [f.sha256], sha512: [f.sha512], size: f.size }] as const,
  );
  await assertNoticeChecks(notice, {
    externalIdentifier: kase.reference,
    analystFingerprint: signer.fingerprint,
    evidence: bagEvidence,
  });
  return { report, files, notice, noticeRows };
}

/**
 * What the package says of the case, made from the vault: the payload's text files, the notice (its
 * items are recorded once the package is written) and each original's place in the bag. The items'
 * details, the report and the notice are let go once their texts are written, first in the package:
 * at 10,000 items they were 12 MiB of this thread's heap. The report PDF begins drawing here, from
 * its own copy.
 */
export async function caseDocuments(source: DocumentSource, opts: DocumentOptions): Promise<CaseDocuments> {
  const { report, files, notice, noticeRows } = await reportAndNotice(source, opts);
  const { session, kase } = source;
  await nextTurn();
  const custody = await custodyText(session.db, kase);
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
