import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyFolder, verifyPackage, type VerifyResult } from '../core/packages';
import type { CliContext } from './context';
import type { CliText } from './i18n';
import { EXIT, UsageError } from './io';
import { ageIdentities, trustFrom } from './package-inputs';
import { skipOptimizingCompiler } from '../core/v8-settings';

// `jejak verify` in a module of its own: it needs no vault and no package writer.

/** "; time confirmed by <TSA> at <genTime>" for a stamped statement. */
function timeOf(text: CliText, result: VerifyResult, seq: number): string {
  const stamp = result.timestamps.find((x) => x.seq === seq);
  if (!stamp) return '';
  return text.t(stamp.trusted ? 'cli.verify.time' : 'cli.verify.timeUntrusted', {
    tsa: stamp.tsa,
    time: stamp.genTime,
  });
}

/** The verdict, each check and each signature in words; check details and the trust detail by their phrases. */
function verdictText(text: CliText, result: VerifyResult): string {
  const { t, word } = text;
  const detailOf = (c: VerifyResult['checks'][number]) => text.phrases(c.phrases, c.detail, '; ');
  // in English the check is named by its id, as scripts and the README know it; in Indonesian by its name, with the id
  const checkName = (id: string) => (text.language === 'en' ? id : `${word(`review.check.${id}`, id)} (${id})`);
  return [
    t('cli.verify.verdict', { verdict: t(`cli.verdict.${result.verdict}`) }),
    ...result.checks.map(
      (c) =>
        `  ${t(c.ok ? 'cli.verify.pass' : 'cli.verify.fail')}  ${checkName(c.id)}${c.detail ? ` — ${detailOf(c)}` : ''}`,
    ),
    ...(result.encrypted ? [t('cli.verify.encrypted')] : []),
    ...result.statements.map(
      (s) =>
        t('cli.verify.signed', {
          role: word(`identity.role.${s.role}`, s.role),
          decision: t(`cli.decision.${s.decision}`),
          name: s.signer.name,
          fingerprint: `${s.signer.fingerprint.slice(0, 16)}…`,
          trust: t(s.trusted ? 'cli.verify.trusted' : 'cli.verify.notInRoster'),
        }) + timeOf(text, result, s.seq),
    ),
    `  ${text.phrases(result.trustPhrases, result.trustDetail, ' ')}`,
  ].join('\n');
}

export async function verify(ctx: CliContext): Promise<number> {
  skipOptimizingCompiler();
  const [file] = ctx.args;
  if (!file)
    throw new UsageError('cli.usage', {
      usage: 'verify FILE.zip|FILE.zip.age|FOLDER [--trust ROSTER] [--identity KEY.txt] [--json]',
    });
  const { roster, tsaRoots } = trustFrom(ctx);
  // A folder is a bag that was already unzipped: the folder itself, holding bagit.txt.
  const isFolder = statSync(resolve(file), { throwIfNoEntry: false })?.isDirectory() ?? false;
  const result = isFolder
    ? await verifyFolder(resolve(file), { roster, tsaRoots })
    : await verifyPackage(resolve(file), { roster, tsaRoots, ageIdentities: await ageIdentities(ctx, resolve(file)) });
  const { report: _report, ...shown } = result;
  ctx.out.data(shown, () => verdictText(ctx.text, result));
  return result.verdict === 'valid-trusted'
    ? EXIT.ok
    : result.verdict === 'valid-untrusted'
      ? EXIT.untrusted
      : EXIT.checkFailed;
}
