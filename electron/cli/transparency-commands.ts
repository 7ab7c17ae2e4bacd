import { resolve } from 'node:path';
import type { Period } from '../core/transparency/iso-week';
import { exportTransparency, vaultTransparency } from '../core/transparency/export-transparency';
import { pdfWords } from '../core/transparency/pdf-words';
import type { Counts, TransparencyReport } from '../core/transparency/transparency-report';
import { type CliContext, cliPolicy, flag } from './context';
import { withVault } from './vault-access';
import { resourcesDir } from './locations';
import { EXIT, UsageError } from './io';

const USAGE = 'transparency --from YYYY-MM-DD --to YYYY-MM-DD [--csv FILE] [--pdf FILE]';
const COUNTS = ['reported', 'actioned', 'notActioned', 'alreadyGone', 'pending'] as const;

/** The report as the terminal shows it: one tab-separated line per total, week, platform and category. */
function reportText(ctx: CliContext, report: TransparencyReport): string {
  const w = pdfWords(ctx.text.language);
  const line = (name: string, c: Counts) =>
    [name, ...COUNTS.map((k) => c[k]), w.duration(c.medianSecondsToAction), w.duration(c.p90SecondsToAction)].join(
      '\t',
    );
  return [
    ctx.text.t('cli.transparency.heading', { ...report.period }),
    [
      '',
      ...COUNTS.map((k) => ctx.text.t(`transparency.${k}`)),
      ctx.text.t('transparency.medianShort'),
      ctx.text.t('transparency.p90Short'),
    ].join('\t'),
    line(ctx.text.t('transparency.total'), report.total),
    ...report.weeks.map((k) => line(k.week, k)),
    ...report.platforms.map((p) => line(p.platform, p)),
    ...report.categories.map((c) => line(c.category, c)),
  ].join('\n');
}

/**
 * `transparency --from --to [--csv FILE] [--pdf FILE]`: what became of the items reported in the
 * period, counts only; --csv and --pdf write it (the PDF in the --lang language) where the policy allows.
 */
export async function transparency(ctx: CliContext): Promise<number> {
  const from = flag(ctx, 'from');
  const to = flag(ctx, 'to');
  if (!from || !to || ctx.args.length > 0) throw new UsageError('cli.usage', { usage: USAGE });
  const period: Period = { from, to };
  const files = (['csv', 'pdf'] as const).flatMap((format) => {
    const path = flag(ctx, format);
    return path === undefined ? [] : [{ format, path: resolve(path) }];
  });
  const { report, written } = await withVault(ctx, async (s) => {
    const report = vaultTransparency(s, period);
    const written = [];
    for (const file of files)
      written.push(
        await exportTransparency(s, cliPolicy(), period, file.path, {
          format: file.format,
          language: ctx.text.language,
          resourcesDir: resourcesDir(),
        }),
      );
    return { report, written };
  });
  ctx.out.data({ ...report, written }, () =>
    [reportText(ctx, report), ...written.map((f) => ctx.text.t('cli.transparency.written', f))].join('\n'),
  );
  return EXIT.ok;
}
