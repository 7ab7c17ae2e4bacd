import { resolve } from 'node:path';
import { writePlainOrSealed } from '../age/plain-package';
import { JejakError } from '../errors';
import { DEFAULT_LIMITS, inspect, type Inspection, type VerifyLimits } from './inspect';
import type { OperationOptions } from './operation';
import { fileSource, nodePlatform } from './platform-node';
import { withPackage } from './verify';
import { appendEntries, type NewEntry } from './zip-append';
import { writeAtomically } from './write-atomically';

/**
 * What countersigning and time-stamping share: verify the source whole, add entries outside the
 * tag manifests (every original byte copied), check that the result reads back, and write it
 * atomically; an age-encrypted source is written encrypted again, never in clear.
 */

export interface AppendOptions extends OperationOptions {
  now?: Date;
  limits?: Partial<VerifyLimits>;
  /** to open an age-encrypted source */
  ageIdentities?: readonly string[];
  /**
   * age1… recipients of the result, or how to choose them once the source is verified. An
   * encrypted source is only ever written into an encrypted result.
   */
  encryptFor?: readonly string[] | ((source: { encrypted: boolean; signers: string[] }) => readonly string[]);
}

export interface VerifiedSource extends Inspection {
  name: string;
}

export interface Appended<T> {
  path: string;
  name: string;
  bytes: number;
  /** the result is age-encrypted for these; empty for a plain ZIP */
  recipients: string[];
  plan: T;
}

/**
 * `plan` sees the verified source and returns the entries to add (paths inside the bag folder) with
 * whatever it wants returned; `doing` names the operation in errors ("countersigned").
 */
export async function appendToVerified<T>(
  sourceZip: string,
  destination: string,
  doing: string,
  opts: AppendOptions,
  plan: (source: VerifiedSource) => Promise<{ entries: NewEntry[]; value: T }> | { entries: NewEntry[]; value: T },
): Promise<Appended<T>> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const now = opts.now ?? new Date();
  const path = resolve(destination);
  return withPackage(
    sourceZip,
    async ({ source: zip, encrypted, unchanged }) => {
      const size = zip.size;
      let verified = 0;
      const source = await inspect(zip, nodePlatform, {
        limits,
        full: true,
        signal: opts.signal,
        onProgress: (p) => {
          verified = p.bytesTotal ?? 0;
          opts.onProgress?.({ ...p, bytesTotal: verified + size });
        },
      });
      const failing = source.checks.checks.filter((c) => !c.ok);
      const { archive, name } = source;
      if (failing.length > 0 || !archive || !name) {
        throw new JejakError(
          'INTEGRITY',
          `The package does not verify, so it cannot be ${doing}: ${failing.map((c) => c.id).join(', ')}.`,
          { checks: failing },
        );
      }
      const { entries, value } = await plan({ ...source, name });
      const chosen =
        typeof opts.encryptFor === 'function'
          ? opts.encryptFor({ encrypted, signers: source.statements.map((s) => s.signer.fingerprint) })
          : opts.encryptFor;
      const recipients = [...new Set(chosen ?? [])];
      if (encrypted && recipients.length === 0) {
        throw new JejakError(
          'INVALID_INPUT',
          `The package is encrypted, so its ${doing} copy is encrypted too: name at least one recipient for it.`,
        );
      }
      const added = entries.map((e) => ({ ...e, name: `${name}/${e.name}` }));
      const seal = { recipients, signal: opts.signal };
      const bytes = await writeAtomically(path, opts.signal, (file) =>
        writePlainOrSealed(file, seal, async (out) => {
          const written = await appendEntries(archive, out, added, now, {
            signal: opts.signal,
            onProgress: (p) =>
              opts.onProgress?.({ ...p, bytesDone: verified + p.bytesDone, bytesTotal: verified + size }),
          });
          if (!(await unchanged())) {
            throw new JejakError('INTEGRITY', `The package changed on disk while it was being ${doing}.`);
          }
          // What we wrote must read back: structure, tag files, every signature and time-stamp, the new ones included.
          const check = await inspect(fileSource(out, written), nodePlatform, { limits, full: false });
          if (!check.checks.allOk)
            throw new JejakError('INTERNAL', `The ${doing} package did not verify.`, {
              checks: check.checks.checks.filter((c) => !c.ok),
            });
          return written;
        }),
      );
      return { path, name, bytes, recipients, plan: value };
    },
    opts.ageIdentities,
  );
}
