import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { commitImport } from '../core/catalog/bulk-import';
import { listChannels } from '../core/catalog/channel-list';
import { addOrFindChannel, findChannelId, getChannel, parseOrThrow } from '../core/catalog/channels';
import type { ChannelStatus } from '../core/catalog/vocabulary';
import { exportOriginal } from '../core/evidence/export-original';
import { search } from '../core/search/search';
import { type CliContext, cliPolicy, flag } from './context';
import { withVault } from './vault-access';
import { EXIT, UsageError } from './io';
import type { CliText } from './i18n';

export async function channelAdd(ctx: CliContext): Promise<number> {
  const [url] = ctx.args;
  if (!url || ctx.args.length > 1)
    throw new UsageError('cli.usage', { usage: 'channel add URL [--category C] [--title T] [--status S]' });
  parseOrThrow(url); // a bad URL is refused before the vault is even opened
  const result = await withVault(ctx, (s) => {
    const { id, created } = addOrFindChannel(s, cliPolicy(), {
      url,
      title: flag(ctx, 'title'),
      category: flag(ctx, 'category'),
      status: flag(ctx, 'status') as ChannelStatus | undefined,
    });
    return { ...getChannel(s, id), created };
  });
  const channel = `#${result.id} ${result.canonicalUrl}${result.title ? ` (${result.title})` : ''}`;
  ctx.out.data(result, () => ctx.text.t(result.created ? 'cli.channel.added' : 'cli.channel.known', { channel }));
  return EXIT.ok;
}

export async function channelImport(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  if (!file) throw new UsageError('cli.usage', { usage: 'channel import FILE|-' });
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : resolve(file), 'utf8');
  } catch {
    throw new UsageError('cli.cannotRead', { file });
  }
  const result = await withVault(ctx, (s) => commitImport(s, cliPolicy(), text));
  const { t, word } = ctx.text;
  ctx.out.data(result, () =>
    [
      t('cli.import.summary', { added: result.added, ...result.counts }),
      ...result.rows
        .filter((r) => r.state === 'invalid')
        .map((r) =>
          t('cli.import.invalidLine', {
            line: r.line,
            input: r.input,
            reason: r.code ? word(`linkError.${r.code}`, r.reason ?? '') : (r.reason ?? ''),
          }),
        ),
    ].join('\n'),
  );
  return result.counts.invalid > 0 ? EXIT.checkFailed : EXIT.ok;
}

export async function channelList(ctx: CliContext): Promise<number> {
  const rows = await withVault(ctx, (s) => {
    const all = [];
    for (let offset = 0; ; offset += 500) {
      const page = listChannels(s.db, {
        filter: { excluded: ctx.flags.excluded === true ? 'only' : 'hide' },
        sort: 'created',
        descending: false,
        offset,
        limit: 500,
      });
      all.push(...page.rows);
      if (all.length >= page.total) return all;
    }
  });
  const { word } = ctx.text;
  ctx.out.data(
    rows,
    () =>
      rows
        .map((r) =>
          [
            `#${r.id}`,
            word(`platform.${r.platform}`, r.platform),
            word(`status.${r.status}`, r.status),
            r.category,
            r.canonicalUrl,
            r.title,
            ...(r.excluded ? [`excluded: ${r.excluded.reason}`] : []),
          ].join('\t'),
        )
        .join('\n') || ctx.text.t('cli.channel.none'),
  );
  return EXIT.ok;
}

export async function evidenceAdd(ctx: CliContext): Promise<number> {
  if (ctx.args.length === 0)
    throw new UsageError('cli.usage', {
      usage: 'evidence add FILE… [--channel URL|ID] [--source-url URL] [--captured-at ISO] [--note TEXT]',
    });
  const channel = flag(ctx, 'channel');
  const sourceUrl = flag(ctx, 'source-url');
  if (sourceUrl) parseOrThrow(sourceUrl);
  // Intake loads the image code (sharp, EXIF): only this command of the catalog's needs it.
  const { intakeFiles } = await import('../core/evidence/intake-batch');
  let failed = 0;
  const results = await withVault(ctx, async (s) => {
    let channelId: number | undefined;
    if (channel) {
      channelId = /^\d+$/.test(channel)
        ? Number(channel)
        : (findChannelId(s, parseOrThrow(channel).key) ?? addOrFindChannel(s, cliPolicy(), { url: channel }).id);
      getChannel(s, channelId);
    }
    const meta = { channelId, sourceUrl, capturedAt: flag(ctx, 'captured-at'), notes: flag(ctx, 'note') };
    // All files at once: their originals are made durable together, a batch at a time.
    const answers = await intakeFiles(
      s,
      cliPolicy(),
      ctx.args.map((file) => ({ path: resolve(file), meta })),
    );
    return answers.map((a, i) => {
      const file = ctx.args[i]!;
      if (a.ok) return { file, ok: true as const, ...a.outcome };
      failed++;
      const e = a.error;
      return { file, ok: false as const, error: e.message, code: e.code, ...(e.reason ? { reason: e.reason } : {}) };
    });
  });
  ctx.out.data(results, () => results.map((r) => intakeLine(ctx.text, r)).join('\n'));
  // What is wrong with a file's content goes to stderr: stdout stays one line per file for scripts.
  if (!ctx.out.json)
    for (const r of results)
      if (r.ok) for (const p of r.problems) ctx.out.info(`#${r.evidenceId} ${r.file}: ${ctx.text.problem(p)}`);
  return failed > 0 ? EXIT.checkFailed : EXIT.ok;
}

export async function evidenceExport(ctx: CliContext): Promise<number> {
  const [id] = ctx.args;
  const out = flag(ctx, 'out');
  if (!id || !/^\d+$/.test(id) || !out) throw new UsageError('cli.usage', { usage: 'evidence export ID --out FILE' });
  const result = await withVault(ctx, (s) => exportOriginal(s, cliPolicy(), Number(id), resolve(out)));
  ctx.out.data({ id: Number(id), out: resolve(out), ...result }, () =>
    ctx.text.t('cli.evidence.exported', { size: result.size, path: resolve(out), sha256: result.sha256 }),
  );
  return EXIT.ok;
}

export async function searchCommand(ctx: CliContext): Promise<number> {
  const query = ctx.args.join(' ');
  if (!query) throw new UsageError('cli.usage', { usage: 'search QUERY' });
  const hits = await withVault(ctx, (s) => search(s.db, query));
  ctx.out.data(
    hits,
    () =>
      hits.map((h) => `${ctx.text.t(`cli.kind.${h.kind}`)} #${h.id}\t${h.title}\t${h.snippet}`).join('\n') ||
      ctx.text.t('cli.search.nothing'),
  );
  return EXIT.ok;
}

type IntakeLine = { file: string } & (
  | {
      ok: true;
      evidenceId: number;
      sha256: string;
      duplicate: boolean;
      nearDuplicateOf: number | null;
      problems: Array<{ code: string; params?: Record<string, string | number>; message: string }>;
      pdq: string | null;
      pdqQuality: number | null;
      hashListMatches: Array<{ listName: string; kind: string; distance: number }>;
    }
  | { ok: false; error: string; code: string; reason?: { key: string; params?: Record<string, string | number> } }
);

/** One line per file: id, SHA-256, name and what else is known, or why it failed. */
function intakeLine(text: CliText, r: IntakeLine): string {
  if (!r.ok)
    return `${text.t('cli.evidence.failed')}\t${r.file}\t${text.error({ message: r.error, code: r.code, reason: r.reason })}`;
  const notes = [
    r.duplicate ? text.t('cli.evidence.duplicate') : '',
    r.nearDuplicateOf ? text.t('cli.evidence.looksLike', { id: r.nearDuplicateOf }) : '',
    r.pdq ? text.t('cli.evidence.pdq', { pdq: r.pdq, quality: r.pdqQuality ?? 0 }) : '',
    ...r.hashListMatches.map((m) =>
      text.t('cli.evidence.onList', {
        list: m.listName,
        kind: m.kind,
        distance: m.kind === 'pdq' ? ` ${m.distance}` : '',
      }),
    ),
  ].filter(Boolean);
  return [`#${r.evidenceId}`, r.sha256, r.file, ...notes].join('\t');
}
