import { nextTurn } from '../in-turns';
import { parseJsonInTurns } from '../parse-json-in-turns';
import { checkBag } from './bag-checks';
import { noticeEvidenceFacts, noticeFileProblems } from '../notice/notice-check';
import { JEJAK_FORMAT } from './bag-info';
import { NOTICE_JSON, REPORT_JSON } from './bag-names';
import { utf8 } from './bytes';
import { CheckList, decodeUtf8, type FileFacts } from './checks';
import { checkEntries } from './entry-checks';
import { formatProblems } from './format-version';
import type { OperationOptions } from './operation';
import { type Phrase, say } from './phrases';
import type { ByteSource, Platform } from './platform';
import { reportProblems, type EvidenceFacts } from './report-check';
import { checkStatements, type StatementInfo } from './statement-checks';
import { checkTimestamps, timestampsDetail, type TimestampFound } from '../timestamps/timestamp-check';
import { limitProblems, readData } from './zip-data';
import { ZipFormatError } from './zip-format';
import { entryPhrase, readArchive, startLocalHeaderMap, ZipLimitError, type ZipArchive } from './zip-read';
import { PACKAGE_LIMITS } from '../../common/limits';

/**
 * One pass over a package: structure and names from the central directory, then every needed entry
 * streamed once through CRC-32, SHA-256 and SHA-512, then the bag and signature checks on what was
 * seen. Nothing is extracted and nothing is written.
 */

export interface VerifyLimits {
  /** the sum of all declared uncompressed sizes; default 8 GiB */
  maxTotalBytes: number;
  /** default 100 000 */
  maxEntries: number;
  /** uncompressed/compressed size allowed for an entry over 1 MiB; default 200 (text deflates ~5-20×) */
  maxCompressionRatio: number;
  /** tag files, report.json, notice.json and statements are held in memory; their total, default 128 MiB */
  maxMetadataBytes: number;
}

export const DEFAULT_LIMITS: VerifyLimits = PACKAGE_LIMITS;

const REPORT = `data/${REPORT_JSON}`;
const NOTICE = `data/${NOTICE_JSON}`;

export interface InspectOptions extends OperationOptions {
  limits: VerifyLimits;
  /** read every entry, or only the metadata and the captured file (fast, for showing one file) */
  full: boolean;
  /** a bag path whose bytes to keep */
  capture?: { path: string; maxBytes: number };
  /** payload files whose bytes to keep as the full pass hashes them, up to maxBytes in all (the rest are not kept) */
  keep?: PayloadKeep;
}

export interface PayloadKeep {
  wanted: (bagPath: string) => boolean;
  maxBytes: number;
}

export interface Inspection {
  checks: CheckList;
  entries: string[];
  name?: string;
  bagInfo?: Record<string, string>;
  report?: unknown;
  tagmanifestSha256?: string;
  statements: StatementInfo[];
  /** the time-stamp tokens that check, whoever their TSA is */
  timestamps: TimestampFound[];
  /** bag path → what reading it established */
  files: Map<string, FileFacts>;
  archive?: ZipArchive;
}

export async function inspect(source: ByteSource, platform: Platform, opts: InspectOptions): Promise<Inspection> {
  const checks = new CheckList();
  const result: Inspection = { checks, entries: [], statements: [], timestamps: [], files: new Map() };
  const failedStructure = (err: unknown): Inspection => {
    if (err instanceof ZipLimitError) checks.add('zip-limits', [err.phrase], []);
    else if (err instanceof ZipFormatError) checks.add('zip-structure', [err.phrase], []);
    else throw err;
    return result;
  };
  let archive: ZipArchive;
  try {
    archive = await readArchive(source, opts.limits.maxEntries);
  } catch (err) {
    return failedStructure(err);
  }
  const structure = archive.entries.flatMap((e) => (e.problem ? [entryPhrase(e, e.problem)] : []));
  // The local headers are checked while the data is read, each entry once its own header is.
  const headers = startLocalHeaderMap(archive);
  const named = checkEntries(archive.entries);
  const files = result.files;
  let limits: Phrase[];
  let read: Phrase[] | null = null;
  try {
    limits = limitProblems(archive.entries, named.files, opts);
    if (limits.length === 0) {
      for (const [path, e] of named.files) files.set(path, { size: e.uncompressedSize, state: 'skipped' });
      read = await readData(archive, named.files, files, platform, opts, headers);
    }
    structure.push(...(await headers.done));
  } catch (err) {
    // no header read still running once this returns or throws: the caller may close the source
    await headers.done.catch(() => undefined);
    files.clear();
    return failedStructure(err);
  }
  // an entry whose header did not check out was never read
  for (const [path, e] of named.files)
    if (e.dataStart === undefined && files.get(path)?.state === 'skipped')
      files.set(path, { size: e.uncompressedSize, state: 'failed' });
  result.archive = archive;
  result.entries = archive.entries.map((e) => utf8(e.nameRaw));
  checks.add('zip-structure', structure, say('check.zip.ok', { entries: archive.entries.length }));
  result.name = named.bagName;
  checks.add('zip-limits', limits, say('check.zipLimits.ok'));
  checks.add('entry-names', named.names, say('check.name.ok'));
  checks.add('entry-types', named.types, say('check.type.okZip'));
  checks.add('entry-unique', named.unique, say('check.unique.okZip'));
  checks.add('single-folder', named.folder, say('check.folder.okZip', { name: JSON.stringify(named.bagName ?? '') }));
  if (!read) return result;
  checks.add('zip-data', read, say('check.zipData.ok'));
  return checkContents(result, named.bagName, platform);
}

/**
 * The bag and signature checks on what was read, the same for a ZIP and for an unzipped folder. A
 * turn between the checks: at 500 items the report's and the notice's take 20-30 ms each, and back
 * to back they held the thread 86 ms (the app's window with it).
 */
export async function checkContents(
  result: Inspection,
  bagName: string | undefined,
  platform: Platform,
): Promise<Inspection> {
  const { checks, files } = result;
  const format = formatProblems(files);
  checks.add('format-version', format, say('check.format.ok', { format: JEJAK_FORMAT }));
  if (format.length > 0) return result;

  const bag = checkBag(files, bagName, checks);
  result.bagInfo = bag.bagInfo;
  result.tagmanifestSha256 = bag.tagmanifestSha256;
  const externalIdentifier = bag.bagInfo?.['External-Identifier'];
  await nextTurn();
  result.statements = await checkStatements(
    { files, tagmanifestSha256: bag.tagmanifestSha256, externalIdentifier, payload: new Set(bag.payload) },
    platform,
    checks,
  );

  const reportText = decodeUtf8(files.get(REPORT)?.bytes);
  try {
    result.report = reportText === null ? undefined : await parseJsonInTurns(reportText);
  } catch {
    // reported just below as not a report
  }
  const evidence = new Map<string, EvidenceFacts>();
  for (const path of bag.payload.filter((p) => p.startsWith('data/evidence/'))) {
    evidence.set(path, {
      sha256: bag.manifests.sha256.get(path),
      sha512: bag.manifests.sha512.get(path),
      size: files.get(path)?.size ?? -1,
    });
  }
  const analystFingerprint = result.statements.find((s) => s.seq === 1)?.signer.fingerprint;
  await nextTurn();
  const report =
    result.report === undefined
      ? [say('check.report.missing')]
      : await reportProblems(result.report, { externalIdentifier, analystFingerprint, evidence });
  checks.add('report', report, say('check.report.ok'));
  await nextTurn();

  const notice = await noticeFileProblems(files.get(NOTICE)?.bytes, {
    externalIdentifier,
    analystFingerprint,
    evidence: noticeEvidenceFacts(evidence, files),
  });
  checks.add('notice', notice, say('check.notice.ok'));
  await nextTurn();

  // Whether each token's TSA is trusted depends on the roots given: the verdict's business, not the check's.
  const stamps = await checkTimestamps(files, result.statements);
  result.timestamps = stamps.timestamps;
  checks.add('timestamps', stamps.problems, timestampsDetail(stamps));
  return result;
}
