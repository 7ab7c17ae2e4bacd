import { basename, resolve } from 'node:path';
import { readResponseFile } from '../core/outcomes/import-response';
import { importUnitResponse } from '../core/unit/unit-response';
import { type CliContext } from './context';
import { withVault } from './vault-access';
import { EXIT, UsageError } from './io';

/** `unit response FILE…`: platforms' jejak-response/1 files, each taken in by the notice it answers. */
export async function unitResponse(ctx: CliContext): Promise<number> {
  if (ctx.args.length === 0) throw new UsageError('cli.usage', { usage: 'unit response FILE…' });
  const files = ctx.args.map((file) => ({ name: basename(file), bytes: readResponseFile(resolve(file)) }));
  const results = await withVault(ctx, async (s) => {
    const done = [];
    for (const file of files) done.push(await importUnitResponse(s, file.bytes, { fileName: file.name }));
    return done;
  });
  ctx.out.data(results, () =>
    results
      .map((r) =>
        ctx.text.t(r.outcome === 'already-imported' ? 'cli.unit.response.already' : 'cli.unit.response.imported', {
          responder: r.responder,
          reference: r.reference,
          recorded: r.recorded,
          open: r.open,
          items: r.items,
        }),
      )
      .join('\n'),
  );
  return EXIT.ok;
}
