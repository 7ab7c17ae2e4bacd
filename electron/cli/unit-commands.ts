import { resolve } from 'node:path';
import { findChannelId, parseOrThrow } from '../core/catalog/channels';
import { isJejakError } from '../core/errors';
import { importUnitPackage, requireUnitVault, type UnitImportOutcome } from '../core/unit/import-package';
import { channelHistory, listUnitPackages, unitDashboard } from '../core/unit/unit-views';
import { type CliContext, cliPolicy, withVault } from './context';
import { EXIT, UsageError, exitCodeFor } from './io';

function importedText(o: UnitImportOutcome): string {
  const head =
    o.outcome === 'already-imported'
      ? `Already imported: ${o.fileName} (${o.reference} by ${o.analyst}); nothing changed.`
      : `Imported: ${o.fileName} (${o.reference} by ${o.analyst}, approved by ${o.supervisor}): channels ${o.channels.total} (${o.channels.created} new, ${o.channels.merged} merged), evidence ${o.evidence.total} (${o.evidence.stored} stored, ${o.evidence.duplicate} already held, ${o.evidence.nearDuplicate} near duplicate).`;
  const flagged = o.custody.status === 'truncated' || o.custody.status === 'forked';
  return flagged ? `${head}\n  CUSTODY ${o.custody.status.toUpperCase()}: ${o.custody.detail}` : head;
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
        if (!ctx.out.json) process.stdout.write(`${importedText(outcome)}\n`);
      } catch (e) {
        if (!isJejakError(e) || e.code === 'WRONG_PASSPHRASE') throw e;
        code = Math.max(code, exitCodeFor(e));
        results.push({ file, refused: { code: e.code, message: e.message } });
        process.stderr.write(`jejak: Refused ${file}: ${ctx.text.error(e)}\n`);
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
  const facet = (rows: Array<{ key: string; count: number }>) => rows.map((r) => `${r.key} ${r.count}`).join(', ');
  ctx.out.data(d, () =>
    [
      `Packages: ${d.packages} (${d.flaggedPackages} custody flagged)`,
      `Channels: ${d.catalog.channels}, evidence: ${d.catalog.evidence}, overdue items: ${d.overdueItems}`,
      `Per platform: ${facet(d.catalog.byPlatform)}`,
      `Per category: ${facet(d.catalog.byCategory)}`,
      `Per status: ${facet(d.catalog.byStatus)}`,
      'Per analyst:',
      ...d.analysts.map((a) => `  ${a.name}\t${a.packages} packages\t${a.channels} channels\t${a.evidence} evidence`),
      'Audit head last seen per vault:',
      ...d.vaults.map(
        (v) => `  ${v.vaultId}\t${v.analyst}\tentry ${v.headSeq} ${v.headHash.slice(0, 12)}…\t${v.lastFile}`,
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
