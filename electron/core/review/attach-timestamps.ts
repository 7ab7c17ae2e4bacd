import { JejakError } from '../errors';
import { appendToVerified, type AppendOptions } from '../packages/append-package';
import { parseTimestampPath, timestampPath } from '../packages/bag-names';
import { inEnglish } from '../packages/phrases';
import { requireExportFolder } from '../policy/export-folders';
import type { Policy } from '../policy/policy';
import { checkTimestampToken, tsaTrust, type TokenCheck } from '../timestamps/tsp-token';

/**
 * The TSA's answers to timestamps/package-timestamps.ts's requests, added to the package as
 * `timestamps/<seq>-<fp16>.tsr`, outside the tag manifests, like a countersignature: where the
 * machine policy allows the result to go, sealed for the recipients it requires.
 */

export interface AttachedTimestamp {
  file: string;
  seq: number;
  tsa: string;
  genTime: string;
  trusted: boolean;
}

export interface AttachOptions extends AppendOptions {
  /** TSA roots (PEM or DER), to report whether each token's TSA is trusted; default: the policy's */
  tsaRoots?: ReadonlyArray<Uint8Array | string>;
}

/**
 * Adds TSA answers (`tokens`: file name and bytes of each .tsr) to a package that verifies. Each is
 * matched to the statement whose SHA-256 it stamps and must check against it (imprint, signature,
 * TSA certificate valid at genTime); a statement gets at most one token. The result is written
 * atomically to `destination` (may be the source; in a folder the policy allows) and must verify.
 */
export async function attachTimestamps(
  policy: Policy,
  source: string,
  destination: string,
  tokens: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
  opts: AttachOptions = {},
) {
  requireExportFolder(policy, destination);
  if (tokens.length === 0) throw new JejakError('INVALID_INPUT', 'Give at least one time-stamp response (.tsr).');
  const tsaRoots = opts.tsaRoots ?? policy.tsaRoots ?? [];
  const encryptFor = withRequiredRecipients(policy, opts.encryptFor);
  const done = await appendToVerified(source, destination, 'time-stamped', { ...opts, encryptFor }, async (pkg) => {
    const taken = new Set([...pkg.files.keys()].filter((p) => parseTimestampPath(p)));
    const entries: Array<{ name: string; data: Buffer }> = [];
    const attached: AttachedTimestamp[] = [];
    for (const token of tokens) {
      let match: { file: string; seq: number; check: TokenCheck } | null = null;
      let nearest: TokenCheck | null = null;
      for (const s of pkg.statements) {
        const check = await checkTimestampToken({
          statement: pkg.files.get(s.file)?.bytes ?? new Uint8Array(),
          token: token.bytes,
        });
        if (check.problems.length === 0)
          match = { file: timestampPath(s.seq, s.signer.fingerprint), seq: s.seq, check };
        else if (!check.problems.some((p) => p.key === 'check.stamp.otherFile')) nearest ??= check;
        if (match) break;
      }
      if (!match) {
        const why = nearest?.problems.map(inEnglish).join('; ') ?? "it stamps none of this package's statements";
        throw new JejakError('INTEGRITY', `${token.name} cannot be attached: ${why}.`);
      }
      if (taken.has(match.file))
        throw new JejakError(
          'INVALID_INPUT',
          `Statement ${match.seq} already has a time-stamp (${match.file}); ${token.name} is not added.`,
        );
      taken.add(match.file);
      entries.push({ name: match.file, data: Buffer.from(token.bytes) });
      const genTime = match.check.genTime ?? '';
      const { trusted } = await tsaTrust({ certificates: match.check.certificates, genTime }, tsaRoots);
      attached.push({ file: match.file, seq: match.seq, tsa: match.check.tsa ?? '', genTime, trusted });
    }
    return { entries, value: attached };
  });
  return { path: done.path, name: done.name, bytes: done.bytes, recipients: done.recipients, attached: done.plan };
}

/** An encrypted result is sealed for the recipients the machine policy requires too; a plain one stays plain. */
function withRequiredRecipients(policy: Policy, chosen: AppendOptions['encryptFor']): AppendOptions['encryptFor'] {
  const required = policy.exportRecipients ?? [];
  return (found) => {
    const asked = typeof chosen === 'function' ? chosen(found) : (chosen ?? []);
    return asked.length > 0 ? [...new Set([...asked, ...required])] : asked;
  };
}
