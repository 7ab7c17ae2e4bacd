import { resolve } from 'node:path';
import { findChannelId, parseOrThrow } from '../core/catalog/channels';
import { isJejakError } from '../core/errors';
import { importUnitPackage, requireUnitVault, type UnitImportOutcome } from '../core/unit/import-package';
import { channelHistory, listUnitPackages, unitDashboard } from '../core/unit/unit-views';
import { type CliContext, cliPolicy } from './context';
import { withVault } from './vault-access';
import { EXIT, UsageError, exitCodeFor } from './io';

function importedText(ctx: CliContext, o: UnitImportOutcome): string {
  const { t, word } = ctx.text;
  const head =
    o.outcome === 'already-imported'
      ? t('cli.unit.alreadyImported', { file: o.fileName, reference: o.reference, analyst: o.analyst })
      : t('cli.unit.imported', {
          file: o.fileName,
          reference: o.reference,
          analyst: o.analyst,
          supervisor: o.supervisor,
          channels: o.channels.total,
          created: o.channels.created,
          merged: o.channels.merged,
          evidence: o.evidence.total,
          stored: o.evidence.stored,
          duplicate: o.evidence.duplicate,
          near: o.evidence.nearDuplicate,
        });
  const flagged = o.custody.status === 'truncated' || o.custody.status === 'forked';
  if (!flagged) return head;
  // the detail is the core's own sentence (file names and entry numbers), as the Unit screen shows it
  const status = word(`unit.custody.${o.custody.status}`, o.custody.status.toUpperCase());
  return `${head}\n${t('cli.unit.custodyFlagged', { status, detail: o.custody.detail })}`;
}

/**
 * `unit import FILE…`: each package on its own (one refused stops none of the others); the
 * exit code is the highest of theirs (1 a check failed, 2 unreadable, 3 untrusted).
 */
export async function unitImport(ctx: CliContext): Promise<number> {
  if (ctx.args.length === 0) throw new UsageError('Usage: jejak unit import FILE.zip|FILE.zip.age…');
  let code: number = EXIT.ok;
  const results: Array<UnitImportOutcome | { file: string; refused: { code: string; message: string } }> = [];
  await withVault(ctx, async (s) => {
    requireUnitVault(s);
    for (const file of ctx.args) {
      try {
        const outcome = await importUnitPackage(s, cliPolicy(), resolve(file));
        results.push(outcome);
        if (!ctx.out.json) process.stdout.write(`${importedText(ctx, outcome)}\n`);
      } catch (e) {
        if (!isJejakError(e) || e.code === 'WRONG_PASSPHRASE') throw e;
        code = Math.max(code, exitCodeFor(e));
        results.push({ file, refused: { code: e.code, message: e.message } });
        process.stderr.write(`jejak: ${ctx.text.t('cli.unit.refused', { file, error: ctx.text.error(e) })}\n`);
      }
    }
  });
  if (ctx.out.json) ctx.out.data(results, () => '');
  return code;
}

/** `unit status`: the unit dashboard in words. */
export async function unitStatus(ctx: CliContext): Promise<number> {
  const d = await withVault(ctx, (s) => {
    requireUnitVault(s);
    return unitDashboard(s.db);
  });
  const { t, word, language } = ctx.text;
  // statuses and categories in the reader's words; in English the catalog's own keys, as before
  const facet = (prefix: string, rows: Array<{ key: string; count: number }>) =>
    rows.map((r) => `${language === 'en' ? r.key : word(`${prefix}${r.key}`, r.key)} ${r.count}`).join(', ');
  ctx.out.data(d, () =>
    [
      t('cli.unit.status.packages', { packages: d.packages, flagged: d.flaggedPackages }),
      t('cli.unit.status.catalog', {
        channels: d.catalog.channels,
        evidence: d.catalog.evidence,
        overdue: d.overdueItems,
      }),
      t('cli.unit.status.perPlatform', { counts: facet('', d.catalog.byPlatform) }),
      t('cli.unit.status.perCategory', { counts: facet('category.', d.catalog.byCategory) }),
      t('cli.unit.status.perStatus', { counts: facet('status.', d.catalog.byStatus) }),
      t('cli.unit.status.perAnalyst'),
      ...d.analysts.map((a) => t('cli.unit.status.analyst', a)),
      t('cli.unit.status.heads'),
      ...d.vaults.map((v) =>
        t('cli.unit.status.vault', {
          vaultId: v.vaultId,
          analyst: v.analyst,
          seq: v.headSeq,
          hash: v.headHash.slice(0, 12),
          file: v.lastFile,
        }),
      ),
    ].join('\n'),
  );
  return EXIT.ok;
}

/** `unit packages [--flagged]`: what was taken in, newest first, with its custody verdict. */
export async function unitPackages(ctx: CliContext): Promise<number> {
  const rows = await withVault(ctx, (s) => {
    requireUnitVault(s);
    return listUnitPackages(s.db, { limit: 1000, flagged: ctx.flags.flagged === true });
  });
  ctx.out.data(
    rows,
    () =>
      rows
        .map((p) =>
          [
            `#${p.id}`,
            p.fileName,
            p.reference,
            p.analyst,
            p.supervisor,
            `${p.channels} ch`,
            `${p.evidence} ev`,
            p.custody,
            p.custody === 'truncated' || p.custody === 'forked' ? p.custodyDetail : '',
          ]
            .join('\t')
            .trimEnd(),
        )
        .join('\n') || 'No packages taken in yet.',
  );
  return EXIT.ok;
}

/** `unit history URL|ID`: every package that reported a channel, across analysts and cases. */
export async function unitHistory(ctx: CliContext): Promise<number> {
  const [ref] = ctx.args;
  if (!ref) throw new UsageError('Usage: jejak unit history URL|ID');
  const rows = await withVault(ctx, (s) => {
    requireUnitVault(s);
    const id = /^\d+$/.test(ref) ? Number(ref) : findChannelId(s, parseOrThrow(ref).key);
    if (id === undefined) throw new UsageError(`${ref} is not in the unit catalog.`);
    return channelHistory(s.db, id);
  });
  ctx.out.data(
    rows,
    () =>
      rows
        .map((r) =>
          [
            r.exportedAt,
            r.reference,
            r.analyst,
            `approved by ${r.supervisor}`,
            r.originalUrl,
            r.category,
            `${r.evidence} ev`,
            r.fileName,
          ].join('\t'),
        )
        .join('\n') || 'No package reported this channel.',
  );
  return EXIT.ok;
}
