import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { isAgePath } from '../core/age/plain-package';
import { beforePackageWrite } from '../core/app/partial-sweep';
import { vaultAgeIdentity } from '../core/identity/identity';
import { resealFor } from '../core/review/reseal';
import { timestampRequests, writeTimestampRequests } from '../core/timestamps/package-timestamps';
import { attachTimestamps } from '../core/review/attach-timestamps';
import { type CliContext, cliPolicy, flag, flagList } from './context';
import { withVault } from './vault-access';
import { ageIdentities } from './package-inputs';
import { EXIT, UsageError } from './io';

/** jejak timestamp request FILE --out DIR: one RFC 3161 request per statement, hashes only. */
export async function timestampRequest(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  const out = flag(ctx, 'out');
  if (!file || !out || ctx.args.length > 1)
    throw new UsageError('Usage: jejak timestamp request FILE.zip|FILE.zip.age --out DIR [--identity KEY.txt]');
  const requests = await timestampRequests(resolve(file), { ageIdentities: await ageIdentities(ctx, resolve(file)) });
  const paths = writeTimestampRequests(out, requests);
  ctx.out.data({ requests: requests.map((r, i) => ({ statement: r.statement, file: paths[i] })) }, () =>
    [
      ...requests.map((r, i) => `${paths[i]}  (${r.statement})`),
      `Wrote ${paths.length} time-stamp request${paths.length === 1 ? '' : 's'}. Send each to the TSA, e.g. curl -H 'Content-Type: application/timestamp-query' --data-binary @FILE.tsq URL > FILE.tsr`,
    ].join('\n'),
  );
  return EXIT.ok;
}

function readTokens(paths: readonly string[]): Array<{ name: string; bytes: Buffer }> {
  return paths.map((path) => {
    try {
      return { name: basename(path), bytes: readFileSync(resolve(path)) };
    } catch {
      throw new UsageError(`Cannot read the time-stamp response ${path}.`);
    }
  });
}

/**
 * jejak timestamp attach FILE DIR/*.tsr --out FILE: the TSA's answers into the package. An encrypted
 * package is opened with the vault's age key and written encrypted again, for the recipients the
 * review rule gives (this vault, the policy's, the signers' and any --recipient).
 */
export async function timestampAttach(ctx: CliContext): Promise<number> {
  const [file, ...responses] = ctx.args;
  const out = flag(ctx, 'out');
  if (!file || !out || responses.length === 0)
    throw new UsageError(
      'Usage: jejak timestamp attach FILE.zip|FILE.zip.age DIR/*.tsr --out FILE [--recipient age1…]…',
    );
  const tokens = readTokens(responses);
  const policy = cliPolicy();
  const attach = (opts: Parameters<typeof attachTimestamps>[4]) =>
    attachTimestamps(policy, resolve(file), resolve(out), tokens, opts);
  const result = (await isAgePath(resolve(file)))
    ? await withVault(ctx, (s) => {
        beforePackageWrite(s, resolve(out), policy);
        return attach({
          ageIdentities: [vaultAgeIdentity(s)],
          encryptFor: resealFor(s, policy, flagList(ctx, 'recipient'), resolve(out)),
        });
      })
    : await attach({ encryptFor: flagList(ctx, 'recipient') });
  ctx.out.data(result, () =>
    [
      ...result.attached.map(
        (a) =>
          `${a.file}: statement ${a.seq}, time confirmed by ${a.tsa} at ${a.genTime}${a.trusted ? '' : ' (this TSA is not among the trusted TSA roots here)'}`,
      ),
      `Wrote ${result.path} (${result.bytes} bytes).`,
    ].join('\n'),
  );
  return EXIT.ok;
}
