import { resolve } from 'node:path';
import { JejakError } from '../errors';
import { statementStem } from './bag-names';
import { DEFAULT_LIMITS, inspect, type VerifyLimits } from './inspect';
import type { OperationOptions } from './operation';
import { fileSource, nodePlatform } from './platform-node';
import { checkSigner, signChecked, spkiPem, type Signer } from './signer';
import { statementBytes, type ReviewItem } from './statement';
import { withPackage } from './verify';
import { appendEntries } from './zip-append';
import { writeAtomically } from './zip-write';

export interface CountersignInput {
  signer: Signer;
  decision: 'approved' | 'returned';
  comment: string;
  /** per-file review, kept in the statement as `review` */
  items?: ReviewItem[];
}

export interface CountersignOptions extends OperationOptions {
  now?: Date;
  limits?: Partial<VerifyLimits>;
}

export interface CountersignResult {
  path: string;
  name: string;
  /** bag path of the new statement */
  statementFile: string;
  /** SHA-256 of each earlier statement file, as the new statement lists them */
  covers: string[];
  bytes: number;
}

function checkInput(input: CountersignInput, payload: ReadonlySet<string>): void {
  if (input.decision !== 'approved' && input.decision !== 'returned') throw new JejakError('INVALID_INPUT', 'A supervisor approves or returns a package.');
  if (typeof input.comment !== 'string') throw new JejakError('INVALID_INPUT', 'The comment must be text.');
  for (const item of input.items ?? []) {
    if (!payload.has(item.file)) throw new JejakError('INVALID_INPUT', `The review names ${item.file}, which is not in the package.`);
    if ((item.verdict !== 'ok' && item.verdict !== 'problem') || typeof item.comment !== 'string') {
      throw new JejakError('INVALID_INPUT', `The review of ${item.file} is not ok/problem with a comment.`);
    }
  }
}

/**
 * A supervisor's decision on a package: verifies `sourceZip` whole (refusing an invalid one with
 * INTEGRITY and the failing checks, and one this signer's key already signed with SELF_REVIEW), then writes `destination` (may be the source itself): every
 * original entry copied byte for byte plus `signatures/<n+1>-supervisor-<fp16>.json|.sig|.pem`,
 * whose `covers` lists the SHA-256 of every earlier statement file.
 */
export async function countersignPackage(sourceZip: string, destination: string, input: CountersignInput, opts: CountersignOptions = {}): Promise<CountersignResult> {
  const key = checkSigner(input.signer, 'supervisor');
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const now = opts.now ?? new Date();
  const path = resolve(destination);
  return withPackage(sourceZip, async (handle, size) => {
    const before = await handle.stat();
    let verified = 0;
    const source = await inspect(fileSource(handle, size), nodePlatform, {
      limits,
      full: true,
      signal: opts.signal,
      onProgress: (p) => {
        verified = p.bytesTotal ?? 0;
        opts.onProgress?.({ ...p, bytesTotal: verified + size });
      },
    });
    const failing = source.checks.checks.filter((c) => !c.ok);
    if (failing.length > 0 || !source.archive || !source.name) {
      throw new JejakError('INTEGRITY', `The package does not verify, so it cannot be countersigned: ${failing.map((c) => c.id).join(', ')}.`, { checks: failing });
    }
    const { archive, name } = source;
    const own = source.statements.find((s) => s.signer.fingerprint === input.signer.fingerprint);
    if (own) {
      throw new JejakError('SELF_REVIEW', `This package is already signed with your key (${own.file}, as ${own.role}); nobody may approve or return their own work. Ask another supervisor to decide.`, { statement: own.file });
    }
    checkInput(input, new Set([...source.files.keys()].filter((p) => p.startsWith('data/'))));
    const covers = source.statements.map((s) => source.files.get(s.file)?.sha256 ?? '');
    const statement = statementBytes({
      signer: input.signer,
      decision: input.decision,
      comment: input.comment,
      signedAt: now,
      externalIdentifier: source.bagInfo?.['External-Identifier'] ?? '',
      tagmanifestSha256: source.tagmanifestSha256 ?? '',
      covers,
      ...(input.items ? { review: input.items } : {}),
    });
    const stem = statementStem(source.statements.length + 1, 'supervisor', input.signer.fingerprint);
    const added = [
      { name: `${name}/${stem}.json`, data: statement },
      { name: `${name}/${stem}.sig`, data: signChecked(input.signer, key, statement) },
      { name: `${name}/${stem}.pem`, data: Buffer.from(spkiPem(key)) },
    ];
    const bytes = await writeAtomically(path, opts.signal, async (out) => {
      const written = await appendEntries(archive, out, added, now, {
        signal: opts.signal,
        onProgress: (p) => opts.onProgress?.({ ...p, bytesDone: verified + p.bytesDone, bytesTotal: verified + size }),
      });
      const after = await handle.stat();
      if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
        throw new JejakError('INTEGRITY', 'The package changed on disk while it was being countersigned.');
      }
      // What we wrote must read back: structure, tag files and every signature, the new one included.
      const check = await inspect(fileSource(out, written), nodePlatform, { limits, full: false });
      if (!check.checks.allOk) throw new JejakError('INTERNAL', 'The countersigned package did not verify.', { checks: check.checks.checks.filter((c) => !c.ok) });
      return written;
    });
    return { path, name, statementFile: `${stem}.json`, covers, bytes };
  });
}
