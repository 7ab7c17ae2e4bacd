import { JejakError } from '../errors';
import type { Check } from './checks';
import type { Phrase } from './phrases';
import { inspectFolder } from './folder-inspect';
import { DEFAULT_LIMITS, inspect, type Inspection, type PayloadKeep, type VerifyLimits } from './inspect';
import { judge, type RosterEntry, type Verdict } from './judge';
import type { OperationOptions } from './operation';
import type { ByteSource, FolderSource, Platform } from './platform';
import type { StatementInfo } from './statement-checks';
import { trustTimestamps, type TimestampInfo } from '../timestamps/timestamp-check';
import { MAX_SHOWN_FILE_BYTES } from '../../common/limits';

/**
 * Verifying a package from wherever its bytes are: the one verifier behind `jejak verify`, the app's
 * review and the browser verifier page, each passing its own platform and byte source.
 */

export interface VerifyOptions extends OperationOptions {
  roster?: readonly RosterEntry[];
  limits?: Partial<VerifyLimits>;
  /** roots a time-stamp token's TSA must chain to (PEM or DER) for its time to count as trusted */
  tsaRoots?: TsaRoots;
}

export type TsaRoots = ReadonlyArray<Uint8Array | string>;

export interface VerifyResult {
  verdict: Verdict;
  /** every check that ran, in order; when the ZIP cannot be read at all only the failing one is listed */
  checks: Check[];
  /** why the verdict is trusted or not, in words */
  trustDetail: string;
  /** the same, sentence by sentence, for the reader's language */
  trustPhrases: Phrase[];
  name?: string;
  statements: StatementInfo[];
  /** the time-stamp tokens that check, one per stamped statement, each with its TSA judged against the roots given */
  timestamps: TimestampInfo[];
  bagInfo?: Record<string, string>;
  /** data/report.json, parsed, when it could be read */
  report?: unknown;
  entries?: string[];
  /** the package file was age-encrypted and opened with one of the identities given */
  encrypted?: boolean;
}

/**
 * Verifies a ZIP by streaming it: never extracts, never writes. Bad input of any kind gives
 * `invalid` with the failing checks; only the source's own read errors and cancellation throw.
 */
export async function verifyZip(
  source: ByteSource,
  platform: Platform,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const inspection = await inspect(source, platform, {
    ...opts,
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    full: true,
  });
  return toResult(inspection, opts);
}

/**
 * The same full verification, keeping the bytes of the payload files `keep` wants as they are read
 * and hashed (bounded by keep.maxBytes): what the verdict covers, with no second read of the package.
 */
export async function verifyZipKeeping(
  source: ByteSource,
  platform: Platform,
  opts: VerifyOptions,
  keep: PayloadKeep,
): Promise<{ result: VerifyResult; kept: Map<string, Uint8Array> }> {
  const inspection = await inspect(source, platform, {
    ...opts,
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    full: true,
    keep,
  });
  const kept = new Map<string, Uint8Array>();
  for (const [path, facts] of inspection.files) if (facts.bytes && keep.wanted(path)) kept.set(path, facts.bytes);
  return { result: await toResult(inspection, opts), kept };
}

/** Verifies an unzipped bag folder: the same checks and verdicts as for its ZIP, with the folder's own equivalents of the ZIP-only ones. */
export async function verifyBag(
  folder: FolderSource,
  platform: Platform,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const inspection = await inspectFolder(folder, platform, { ...opts, limits: { ...DEFAULT_LIMITS, ...opts.limits } });
  return toResult(inspection, opts);
}

async function toResult(inspection: Inspection, opts: VerifyOptions): Promise<VerifyResult> {
  const checks = inspection.checks.checks;
  const timestamps = await trustTimestamps(inspection.timestamps, opts.tsaRoots ?? []);
  return {
    ...judge({ checks, statements: inspection.statements, timestamps }, opts.roster ?? []),
    checks,
    ...(inspection.name !== undefined ? { name: inspection.name } : {}),
    ...(inspection.bagInfo ? { bagInfo: inspection.bagInfo } : {}),
    ...(inspection.report !== undefined ? { report: inspection.report } : {}),
    ...(inspection.entries.length > 0 ? { entries: inspection.entries } : {}),
  };
}

/**
 * A verified package judged again against another roster and TSA roots, without reading it: the
 * browser verifier does this when a roster (which may name TSA roots) is given after the verdict.
 */
export async function rejudge(
  result: VerifyResult,
  trust: { roster: readonly RosterEntry[]; tsaRoots: TsaRoots },
): Promise<VerifyResult> {
  const timestamps = await trustTimestamps(result.timestamps, trust.tsaRoots);
  return { ...result, ...judge({ checks: result.checks, statements: result.statements, timestamps }, trust.roster) };
}

export interface ReadEntryOptions extends OperationOptions {
  /** default 64 MiB */
  maxBytes?: number;
  limits?: Partial<VerifyLimits>;
}

/** Only payload files can be read out of a package. */
export function assertPayloadPath(bagPath: string): void {
  if (!bagPath.startsWith('data/'))
    throw new JejakError('INVALID_INPUT', 'Only payload files (data/…) can be read from a package.');
}

/**
 * One payload file's bytes (bag path, e.g. "data/evidence/001-0123456789ab.png"), for showing it.
 * Checks the structure, tag files, every signature and this file's hashes, but does not re-read the
 * rest of the payload: verify once for the verdict. Throws INTEGRITY (with the failing checks in
 * details) if what it checks fails.
 */
export async function readZipEntry(
  source: ByteSource,
  platform: Platform,
  bagPath: string,
  opts: ReadEntryOptions = {},
): Promise<Uint8Array> {
  assertPayloadPath(bagPath);
  const capture = { path: bagPath, maxBytes: opts.maxBytes ?? MAX_SHOWN_FILE_BYTES };
  return capturedBytes(
    await inspect(source, platform, { ...opts, limits: { ...DEFAULT_LIMITS, ...opts.limits }, full: false, capture }),
    bagPath,
  );
}

/** The same for a file of an unzipped bag folder. */
export async function readBagEntry(
  folder: FolderSource,
  platform: Platform,
  bagPath: string,
  opts: ReadEntryOptions = {},
): Promise<Uint8Array> {
  assertPayloadPath(bagPath);
  const capture = { path: bagPath, maxBytes: opts.maxBytes ?? MAX_SHOWN_FILE_BYTES };
  return capturedBytes(
    await inspectFolder(folder, platform, { ...opts, limits: { ...DEFAULT_LIMITS, ...opts.limits }, capture }),
    bagPath,
  );
}

function capturedBytes(inspection: Inspection, bagPath: string): Uint8Array {
  const failing = inspection.checks.checks.filter((c) => !c.ok);
  if (failing.length > 0) {
    throw new JejakError('INTEGRITY', `The package does not verify: ${failing.map((c) => c.id).join(', ')}.`, {
      checks: failing,
    });
  }
  const bytes = inspection.files.get(bagPath)?.bytes;
  if (!bytes) throw new JejakError('NOT_FOUND', `${bagPath} is not in the package.`);
  return bytes;
}

/** What statement 1 signed: the package's tag-manifest SHA-256 (every valid statement signs the same). */
export function signedTagmanifest(result: VerifyResult): string {
  return result.statements[0]?.raw.bag.tagmanifestSha256 ?? '';
}
