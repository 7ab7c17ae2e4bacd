import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { commitImport } from '../core/catalog/bulk-import';
import { listChannels } from '../core/catalog/channel-list';
import { addOrFindChannel, findChannelId, getChannel, parseOrThrow } from '../core/catalog/channels';
import type { ChannelStatus } from '../core/catalog/vocabulary';
import { JejakError } from '../core/errors';
import { exportOriginal } from '../core/evidence/evidence-repo';
import { intakeFile } from '../core/evidence/intake';
import { search } from '../core/search/search';
import { type CliContext, cliPolicy, flag, withVault } from './context';
import { EXIT, UsageError } from './io';

export async function channelAdd(ctx: CliContext): Promise<number> {
  const [url] = ctx.args;
  if (!url || ctx.args.length > 1) throw new UsageError('Usage: jejak channel add URL [--category C] [--title T] [--status S]');
  parseOrThrow(url); // a bad URL is refused before the vault is even opened
  const result = await withVault(ctx, (s) => {
    const { id, created } = addOrFindChannel(s, cliPolicy(), { url, title: flag(ctx, 'title'), category: flag(ctx, 'category'), status: flag(ctx, 'status') as ChannelStatus | undefined });
    return { ...getChannel(s, id), created };
  });
  ctx.out.data(result, () => `${result.created ? 'Added' : 'Already catalogued'}: #${result.id} ${result.canonicalUrl}${result.title ? ` (${result.title})` : ''}`);
  return EXIT.ok;
}

export async function channelImport(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  if (!file) throw new UsageError('Usage: jejak channel import FILE|-');
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : resolve(file), 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
  const result = await withVault(ctx, (s) => commitImport(s, cliPolicy(), text));
  ctx.out.data(result, () =>
    [
      `Added ${result.added} channels; ${result.counts.existing} already catalogued, ${result.counts.repeated} repeated, ${result.counts.invalid} not understood.`,
      ...result.rows.filter((r) => r.state === 'invalid').map((r) => `  line ${r.line}: ${r.input} — ${r.reason}`),
    ].join('\n'),
  );
  return result.counts.invalid > 0 ? EXIT.checkFailed : EXIT.ok;
}

export async function channelList(ctx: CliContext): Promise<number> {
  const rows = await withVault(ctx, (s) => {
    const all = [];
    for (let offset = 0; ; offset += 500) {
      const page = listChannels(s.db, { filter: { excluded: ctx.flags.excluded === true ? 'only' : 'hide' }, sort: 'created', descending: false, offset, limit: 500 });
      all.push(...page.rows);
      if (all.length >= page.total) return all;
    }
  });
  ctx.out.data(
    rows,
    () => rows.map((r) => [`#${r.id}`, r.platform, r.status, r.category, r.canonicalUrl, r.title, ...(r.excluded ? [`excluded: ${r.excluded.reason}`] : [])].join('\t')).join('\n') || 'No channels.',
  );
  return EXIT.ok;
}

export async function evidenceAdd(ctx: CliContext): Promise<number> {
  if (ctx.args.length === 0) throw new UsageError('Usage: jejak evidence add FILE… [--channel URL|ID] [--source-url URL] [--captured-at ISO] [--note TEXT]');
  const channel = flag(ctx, 'channel');
  const sourceUrl = flag(ctx, 'source-url');
  if (sourceUrl) parseOrThrow(sourceUrl);
  let failed = 0;
  const results = await withVault(ctx, async (s) => {
    let channelId: number | undefined;
    if (channel) {
      channelId = /^\d+$/.test(channel) ? Number(channel) : (findChannelId(s, parseOrThrow(channel).key) ?? addOrFindChannel(s, cliPolicy(), { url: channel }).id);
      getChannel(s, channelId);
    }
    const out = [];
    for (const file of ctx.args) {
      try {
        const r = await intakeFile(s, cliPolicy(), resolve(file), { channelId, sourceUrl, capturedAt: flag(ctx, 'captured-at'), notes: flag(ctx, 'note') });
        out.push({ file, ok: true as const, ...r });
      } catch (e) {
        if (!(e instanceof JejakError)) throw e;
        failed++;
        out.push({ file, ok: false as const, error: e.message });
      }
    }
    return out;
  });
  ctx.out.data(results, () =>
    results.map((r) => (r.ok ? `#${r.evidenceId}\t${r.sha256}\t${r.file}${r.duplicate ? '\t(already in the vault)' : ''}${r.nearDuplicateOf ? `\t(looks like #${r.nearDuplicateOf})` : ''}` : `failed\t${r.file}\t${r.error}`)).join('\n'),
  );
  return failed > 0 ? EXIT.checkFailed : EXIT.ok;
}

export async function evidenceExport(ctx: CliContext): Promise<number> {
  const [id] = ctx.args;
  const out = flag(ctx, 'out');
  if (!id || !/^\d+$/.test(id) || !out) throw new UsageError('Usage: jejak evidence export ID --out FILE');
  const result = await withVault(ctx, (s) => exportOriginal(s, Number(id), resolve(out)));
  ctx.out.data({ id: Number(id), out: resolve(out), ...result }, () => `Wrote ${result.size} bytes to ${resolve(out)} (SHA-256 ${result.sha256}).`);
  return EXIT.ok;
}

export async function searchCommand(ctx: CliContext): Promise<number> {
  const query = ctx.args.join(' ');
  if (!query) throw new UsageError('Usage: jejak search QUERY');
  const hits = await withVault(ctx, (s) => search(s.db, query));
  ctx.out.data(hits, () => hits.map((h) => `${h.kind} #${h.id}\t${h.title}\t${h.snippet}`).join('\n') || 'Nothing found.');
  return EXIT.ok;
}
