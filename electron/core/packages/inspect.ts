import { JejakError } from '../errors';
import { nextTurn } from '../in-turns';
import { checkBag } from './bag-checks';
import { noticeEvidenceFacts, noticeFileProblems } from '../notice/notice-check';
import { JEJAK_FORMAT } from './bag-info';
import { NOTICE_JSON, parseStatementPath, parseTimestampPath, REPORT_JSON, TAG_FILES } from './bag-names';
import { concatBytes, utf8 } from './bytes';
import { CheckList, decodeUtf8, type FileFacts } from './checks';
import { checkEntries } from './entry-checks';
import { formatProblems } from './format-version';
import type { OperationOptions } from './operation';
import { type Phrase, say } from './phrases';
import type { ByteSource, Platform } from './platform';
import { reportProblems, type EvidenceFacts } from './report-check';
import { checkStatements, type StatementInfo } from './statement-checks';
import { checkTimestamps, timestampsDetail, type TimestampFound } from '../timestamps/timestamp-check';
import { ZipFormatError } from './zip-format';
import {
  entryPhrase,
  mapLocalHeaders,
  readArchive,
  readEntryData,
  ZipLimitError,
  type ZipArchive,
  type ZipEntry,
} from './zip-read';
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

const RATIO_FLOOR = 1 << 20;
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

export const isMetadata = (path: string): boolean =>
  (TAG_FILES as readonly string[]).includes(path) ||
  path === REPORT ||
  path === NOTICE ||
  parseStatementPath(path) !== null ||
  parseTimestampPath(path) !== null;

export async function inspect(source: ByteSource, platform: Platform, opts: InspectOptions): Promise<Inspection> {
  const checks = new CheckList();
  const result: Inspection = { checks, entries: [], statements: [], timestamps: [], files: new Map() };
  let archive: ZipArchive;
  let structure: Phrase[];
  try {
    archive = await readArchive(source, opts.limits.maxEntries);
    structure = archive.entries.flatMap((e) => (e.problem ? [entryPhrase(e, e.problem)] : []));
    structure.push(...(await mapLocalHeaders(archive)));
  } catch (err) {
    if (err instanceof ZipLimitError) checks.add('zip-limits', [err.phrase], []);
    else if (err instanceof ZipFormatError) checks.add('zip-structure', [err.phrase], []);
    else throw err;
    return result;
  }
  result.archive = archive;
  result.entries = archive.entries.map((e) => utf8(e.nameRaw));
  checks.add('zip-structure', structure, say('check.zip.ok', { entries: archive.entries.length }));

  const named = checkEntries(archive.entries);
  result.name = named.bagName;
  const limits = limitProblems(archive.entries, named.files, opts);
  checks.add('zip-limits', limits, say('check.zipLimits.ok'));
  checks.add('entry-names', named.names, say('check.name.ok'));
  checks.add('entry-types', named.types, say('check.type.okZip'));
  checks.add('entry-unique', named.unique, say('check.unique.okZip'));
  checks.add('single-folder', named.folder, say('check.folder.okZip', { name: JSON.stringify(named.bagName ?? '') }));
  if (limits.length > 0) return result;

  const files = result.files;
  for (const [path, e] of named.files)
    files.set(path, { size: e.uncompressedSize, state: e.dataStart === undefined ? 'failed' : 'skipped' });
  checks.add('zip-data', await readData(archive, named.files, files, platform, opts), say('check.zipData.ok'));
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
    result.report = reportText === null ? undefined : JSON.parse(reportText);
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
      : reportProblems(result.report, { externalIdentifier, analystFingerprint, evidence });
  checks.add('report', report, say('check.report.ok'));
  await nextTurn();

  const notice = noticeFileProblems(files.get(NOTICE)?.bytes, {
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

function limitProblems(entries: readonly ZipEntry[], files: Map<string, ZipEntry>, opts: InspectOptions): Phrase[] {
  const { limits, capture } = opts;
  const problems: Phrase[] = [];
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxTotalBytes)
    problems.push(say('check.zipLimits.total', { bytes: total, limit: limits.maxTotalBytes }));
  for (const e of entries) {
    if (
      e.uncompressedSize > RATIO_FLOOR &&
      e.uncompressedSize > limits.maxCompressionRatio * Math.max(e.compressedSize, 1)
    ) {
      const ratio = Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1));
      problems.push(entryPhrase(e, say('check.zipLimits.ratio', { ratio, limit: limits.maxCompressionRatio })));
    }
  }
  const metadata = [...files].filter(([path]) => isMetadata(path)).reduce((sum, [, e]) => sum + e.uncompressedSize, 0);
  if (metadata > limits.maxMetadataBytes)
    problems.push(say('check.zipLimits.metadata', { bytes: metadata, limit: limits.maxMetadataBytes }));
  const captured = capture && files.get(capture.path);
  if (capture && captured && captured.uncompressedSize > capture.maxBytes) {
    throw new JejakError(
      'INVALID_INPUT',
      `${capture.path} is ${captured.uncompressedSize} bytes, more than the ${capture.maxBytes} that can be shown.`,
    );
  }
  return problems;
}

async function readData(
  archive: ZipArchive,
  named: Map<string, ZipEntry>,
  files: Map<string, FileFacts>,
  platform: Platform,
  opts: InspectOptions,
): Promise<Phrase[]> {
  const pathOf = new Map([...named].map(([path, e]) => [e, path]));
  const wanted = (path: string | undefined): boolean =>
    opts.full || (path !== undefined && (isMetadata(path) || path === opts.capture?.path));
  const toRead = archive.entries
    .filter((e) => e.dataStart !== undefined && wanted(pathOf.get(e)))
    .sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const bytesTotal = toRead.reduce((sum, e) => sum + e.uncompressedSize, 0);
  let bytesDone = 0;
  let keptBytes = 0;
  const keepPayload = (path: string, size: number): boolean => {
    if (!opts.keep?.wanted(path) || keptBytes + size > opts.keep.maxBytes) return false;
    keptBytes += size;
    return true;
  };
  const problems: Phrase[] = [];
  // Each file's digests are only awaited at the end: the worker finishes one file's SHA-512 while
  // the next file is read, instead of this thread waiting for it file by file.
  const recorded: Promise<void>[] = [];
  try {
    for (const e of toRead) {
      const path = pathOf.get(e);
      // Entries outside the bag (already invalid) are only checked for readability, not hashed.
      const sha256 = path === undefined ? undefined : platform.sha256();
      const sha512 = path === undefined ? undefined : platform.sha512(e.uncompressedSize);
      const keep =
        path !== undefined &&
        (isMetadata(path) || path === opts.capture?.path || keepPayload(path, e.uncompressedSize));
      const chunks: Uint8Array[] = [];
      const file = path ?? utf8(e.nameRaw);
      let problem: Phrase | null = null;
      try {
        problem = await readEntryData(
          archive,
          e,
          platform,
          async (chunk) => {
            await sha256?.update(chunk);
            await sha512?.update(chunk);
            if (keep) chunks.push(Uint8Array.prototype.slice.call(chunk)); // the chunk's buffer is reused
            bytesDone += chunk.length;
            opts.onProgress?.({ bytesDone, bytesTotal, file });
          },
          opts.signal,
        );
      } finally {
        // Finished even when the read threw: a hash left open would keep its worker busy.
        if (path !== undefined && sha256 && sha512) {
          const digests = Promise.all([sha256.digest(), sha512.digest()]);
          recorded.push(
            digests.then(([sha256Hex, sha512Hex]) => {
              files.set(path, {
                size: e.uncompressedSize,
                state: problem ? 'failed' : 'read',
                sha256: sha256Hex,
                sha512: sha512Hex,
                ...(keep && !problem ? { bytes: concatBytes(chunks) } : {}),
              });
            }),
          );
        }
      }
      if (problem) problems.push(entryPhrase(e, problem));
    }
  } finally {
    await Promise.allSettled(recorded);
  }
  await Promise.all(recorded);
  return problems;
}
