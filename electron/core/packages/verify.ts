import { open, type FileHandle } from 'node:fs/promises';
import { withPlainPackage } from '../age/plain-package';
import { JejakError } from '../errors';
import type { Check } from './checks';
import { inspectFolder } from './folder-inspect';
import { DEFAULT_LIMITS, inspect, type Inspection, type VerifyLimits } from './inspect';
import { judge, type RosterEntry, type Verdict } from './judge';
import { asUnreadable, type OperationOptions } from './operation';
import type { StatementInfo } from './statement-checks';
import { checkInspectionTimestamps } from './timestamp-step';
import type { TimestampInfo } from '../timestamps/timestamp-check';

export type { RosterEntry, Verdict } from './judge';

export interface VerifyOptions extends OperationOptions {
  roster?: readonly RosterEntry[];
  limits?: Partial<VerifyLimits>;
  /** age identities (AGE-SECRET-KEY-1…) to open an age-encrypted package with */
  ageIdentities?: readonly string[];
  /** roots a time-stamp token's TSA must chain to (PEM or DER) for its time to count as trusted */
  tsaRoots?: ReadonlyArray<Uint8Array | string>;
}

export interface VerifyResult {
  verdict: Verdict;
  /** every check that ran, in order; when the ZIP cannot be read at all only the failing one is listed */
  checks: Check[];
  /** why the verdict is trusted or not, in words */
  trustDetail: string;
  name?: string;
  statements: StatementInfo[];
  /** the time-stamp tokens that check, one per stamped statement */
  timestamps: TimestampInfo[];
  bagInfo?: Record<string, string>;
  /** data/report.json, parsed, when it could be read */
  report?: unknown;
  entries?: string[];
  /** the package file was age-encrypted and opened with one of the identities given */
  encrypted?: boolean;
}

/**
 * Opens a package read-only; a path we cannot read is UNREADABLE, never a verdict. An
 * age-encrypted package is handed over as its decrypted view, opened with `ageIdentities`.
 */
export async function withPackage<T>(
  zipPath: string,
  fn: (handle: FileHandle, size: number, encrypted: boolean) => Promise<T>,
  ageIdentities?: readonly string[],
): Promise<T> {
  let handle: FileHandle;
  try {
    handle = await open(zipPath, 'r');
  } catch (err) {
    throw asUnreadable(err, 'The package');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new JejakError('UNREADABLE', 'The package is not a regular file.');
    return await withPlainPackage(handle, stat.size, ageIdentities, fn);
  } catch (err) {
    throw asUnreadable(err, 'The package');
  } finally {
    await handle.close();
  }
}

/**
 * Verifies a package by streaming it: never extracts, never writes. Bad input of any kind gives
 * `invalid` with the failing checks; only our own I/O (UNREADABLE) and cancellation (CANCELLED) throw.
 */
export async function verifyPackage(zipPath: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  let encrypted = false;
  const inspection = await withPackage(
    zipPath,
    (handle, size, sealed) => {
      encrypted = sealed;
      return inspect(handle, size, { ...opts, limits: { ...DEFAULT_LIMITS, ...opts.limits }, full: true });
    },
    opts.ageIdentities,
  );
  const timestamps = await checkInspectionTimestamps(inspection, opts.tsaRoots);
  return { ...toResult(inspection, timestamps, opts.roster ?? []), ...(encrypted ? { encrypted } : {}) };
}

/**
 * Verifies a bag that is already unzipped, FOLDER being the bag folder itself: the same checks and
 * verdicts as for its ZIP, with the folder's own equivalents of the ZIP-only ones.
 */
export async function verifyFolder(folder: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const inspection = await inspectFolder(folder, { ...opts, limits: { ...DEFAULT_LIMITS, ...opts.limits } });
  const timestamps = await checkInspectionTimestamps(inspection, opts.tsaRoots);
  return toResult(inspection, timestamps, opts.roster ?? []);
}

function toResult(inspection: Inspection, timestamps: TimestampInfo[], roster: readonly RosterEntry[]): VerifyResult {
  const checks = inspection.checks.checks;
  return {
    ...judge({ checks, statements: inspection.statements, timestamps }, roster),
    checks,
    timestamps,
    ...(inspection.name !== undefined ? { name: inspection.name } : {}),
    ...(inspection.bagInfo ? { bagInfo: inspection.bagInfo } : {}),
    ...(inspection.report !== undefined ? { report: inspection.report } : {}),
    ...(inspection.entries.length > 0 ? { entries: inspection.entries } : {}),
  };
}

export interface ReadEntryOptions extends OperationOptions {
  /** default 64 MiB */
  maxBytes?: number;
  limits?: Partial<VerifyLimits>;
  ageIdentities?: readonly string[];
}

/**
 * One payload file's bytes (bag path, e.g. "data/evidence/001-0123456789ab.png"), for showing it
 * during review. Checks the structure, tag files, every signature and this file's hashes, but does
 * not re-read the rest of the payload: run verifyPackage once for the verdict. Throws INTEGRITY
 * (with the failing checks in details) if what it checks fails.
 */
export async function readPackageEntry(zipPath: string, bagPath: string, opts: ReadEntryOptions = {}): Promise<Buffer> {
  if (!bagPath.startsWith('data/')) throw new JejakError('INVALID_INPUT', 'Only payload files (data/…) can be read from a package.');
  const capture = { path: bagPath, maxBytes: opts.maxBytes ?? 64 * 2 ** 20 };
  const inspection = await withPackage(zipPath, (handle, size) => inspect(handle, size, { ...opts, limits: { ...DEFAULT_LIMITS, ...opts.limits }, full: false, capture }), opts.ageIdentities);
  await checkInspectionTimestamps(inspection);
  const failing = inspection.checks.checks.filter((c) => !c.ok);
  if (failing.length > 0) {
    throw new JejakError('INTEGRITY', `The package does not verify: ${failing.map((c) => c.id).join(', ')}.`, { checks: failing });
  }
  const bytes = inspection.files.get(bagPath)?.bytes;
  if (!bytes) throw new JejakError('NOT_FOUND', `${bagPath} is not in the package.`);
  return bytes;
}
