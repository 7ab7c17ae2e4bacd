import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nearDuplicateDistance } from '../core/evidence/pdq-index';
import { hashLists, importHashList, removeHashList } from '../core/hashlists/hash-lists';
import { type CliContext, cliPolicy, flag } from './context';
import { withVault } from './vault-access';
import { EXIT, UsageError } from './io';

const IMPORT_USAGE = 'hashlist import FILE --name N [--source S] [--date YYYY-MM-DD]';

export async function hashlistImport(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  const name = flag(ctx, 'name');
  if (!file || ctx.args.length > 1 || !name) throw new UsageError('cli.usage', { usage: IMPORT_USAGE });
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new UsageError('cli.cannotRead', { file });
  }
  const result = await withVault(ctx, (s) =>
    importHashList(
      s,
      text,
      { name, source: flag(ctx, 'source'), date: flag(ctx, 'date') },
      nearDuplicateDistance(cliPolicy()),
    ),
  );
  ctx.out.data(result, () =>
    ctx.text.t('cli.hashlist.imported', {
      name: result.list.name,
      entries: result.list.entries,
      matched: result.matchedEvidence.length,
      ids: result.matchedEvidence.map((id) => `#${id}`).join(' '),
    }),
  );
  return EXIT.ok;
}

export async function hashlistList(ctx: CliContext): Promise<number> {
  if (ctx.args.length > 0) throw new UsageError('cli.usage', { usage: 'hashlist list' });
  const lists = await withVault(ctx, (s) => hashLists(s));
  ctx.out.data(
    lists,
    () =>
      lists
        .map((l) =>
          [
            `#${l.id}`,
            l.name,
            l.source,
            l.date ?? '',
            ctx.text.t('cli.hashlist.counts', { entries: l.entries, matchedItems: l.matchedItems }),
          ].join('\t'),
        )
        .join('\n') || ctx.text.t('cli.hashlist.none'),
  );
  return EXIT.ok;
}

export async function hashlistRemove(ctx: CliContext): Promise<number> {
  const [name] = ctx.args;
  if (!name || ctx.args.length > 1) throw new UsageError('cli.usage', { usage: 'hashlist remove NAME' });
  const removed = await withVault(ctx, (s) => removeHashList(s, name));
  ctx.out.data(removed, () => ctx.text.t('cli.hashlist.removed', removed));
  return EXIT.ok;
}
