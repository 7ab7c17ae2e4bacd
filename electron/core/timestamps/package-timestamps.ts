import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JejakError } from '../errors';
import { timestampStem } from '../packages/bag-names';
import { DEFAULT_LIMITS, inspect } from '../packages/inspect';
import { nodePlatform } from '../packages/platform-node';
import { withPackage } from '../packages/verify';
import { timeStampRequest } from './tsp-request';

/**
 * Trusted time, offline first: requests are written here and carried to a connected machine (only
 * hashes leave); the TSA's answers come back and are added to the package by
 * review/attach-timestamps.ts, which obeys the machine policy.
 */

export interface TimestampRequest {
  /** `<seq>-<fp16>.tsq` */
  fileName: string;
  /** bag path of the statement it asks a time for */
  statement: string;
  der: Uint8Array;
}

/**
 * One request per statement of a package whose metadata and signatures check (the payload is not
 * read again: a request carries only the statement file's SHA-256). INTEGRITY when it does not verify.
 */
export async function timestampRequests(
  path: string,
  opts: { ageIdentities?: readonly string[] } = {},
): Promise<TimestampRequest[]> {
  const inspection = await withPackage(
    path,
    ({ source }) => inspect(source, nodePlatform, { limits: DEFAULT_LIMITS, full: false }),
    opts.ageIdentities,
  );
  const failing = inspection.checks.checks.filter((c) => !c.ok);
  if (failing.length > 0)
    throw new JejakError(
      'INTEGRITY',
      `The package does not verify, so no time-stamp is asked for it: ${failing.map((c) => c.id).join(', ')}.`,
      { checks: failing },
    );
  return inspection.statements.map((s) => ({
    fileName: `${timestampStem(s.seq, s.signer.fingerprint)}.tsq`,
    statement: s.file,
    der: timeStampRequest(Buffer.from(inspection.files.get(s.file)?.sha256 ?? '', 'hex')),
  }));
}

/** Writes the requests into `dir` (made if missing); returns their paths. */
export function writeTimestampRequests(dir: string, requests: readonly TimestampRequest[]): string[] {
  const folder = resolve(dir);
  try {
    mkdirSync(folder, { recursive: true });
    return requests.map((r) => {
      const path = join(folder, r.fileName);
      writeFileSync(path, r.der);
      return path;
    });
  } catch (err) {
    throw new JejakError(
      'FORBIDDEN',
      `The time-stamp requests cannot be written in ${folder} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
}
