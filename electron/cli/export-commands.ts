import { resolve } from 'node:path';
import { beforePackageWrite } from '../core/app/partial-sweep';
import { caseIdOf } from '../core/cases/cases';
import { exportCase } from '../core/cases/export-case';
import { type CliContext, cliPolicy, flag, flagList } from './context';
import { withVault } from './vault-access';
import { resourcesDir } from './locations';
import { EXIT, UsageError } from './io';
import pkg from '../../package.json' with { type: 'json' };

// `case export` in a module of its own: it loads the package writer, not the verifier (and `jejak verify` the reverse).

export async function caseExport(ctx: CliContext): Promise<number> {
  const [reference] = ctx.args;
  const out = flag(ctx, 'out');
  if (!reference || !out)
    throw new UsageError('cli.usage', { usage: 'case export REF --out FILE.zip|FILE.zip.age [--recipient age1…]…' });
  const language = flag(ctx, 'language') === 'en' ? 'en' : 'id';
  const recipients = flagList(ctx, 'recipient');
  const policy = cliPolicy();
  const result = await withVault(ctx, (s) => {
    beforePackageWrite(s, resolve(out), policy);
    return exportCase(s, policy, caseIdOf(s, reference), resolve(out), {
      language,
      resourcesDir: resourcesDir(),
      version: pkg.version,
      recipients,
    });
  });
  const { t } = ctx.text;
  const sealed = result.recipients.length > 0 ? ` ${t('cli.case.sealedFor', { count: result.recipients.length })}` : '';
  ctx.out.data(
    result,
    () =>
      `${t('cli.case.exported', { path: result.path, bytes: result.bytes, sha256: result.tagmanifestSha256 })}${sealed}`,
  );
  return EXIT.ok;
}
