import { constants } from 'node:fs';
import { copyFile, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JejakError } from '../core/errors';
import { asUnreadable } from '../core/packages/operation';
import { type CliContext, flag } from './context';
import { EXIT, UsageError } from './io';

/** The page `npm run build` makes (verifier/vite.config.ts), under out/ with the rest of the build. */
export function builtVerifierPage(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'verifier', 'verify.html');
}

/** `jejak verifier --out FILE.html`: a copy of the built page, byte for byte; never over an existing file. */
export async function verifierPage(ctx: CliContext): Promise<number> {
  const out = flag(ctx, 'out');
  if (!out || ctx.args.length > 0) throw new UsageError('Usage: jejak verifier --out FILE.html');
  const target = resolve(out);
  const source = builtVerifierPage();
  const built = await stat(source).catch(() => null);
  if (!built?.isFile())
    throw new JejakError('UNAVAILABLE', `The verifier page is not built (${source}): run \`npm run build\` first.`);
  try {
    await copyFile(source, target, constants.COPYFILE_EXCL);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'EEXIST')
      throw new UsageError(`${target} already exists; give another file name.`);
    // Only a file this copy created can be half written: EXCL refused any that was there before.
    await rm(target, { force: true }).catch(() => undefined);
    throw asUnreadable(err, `${target}`);
  }
  ctx.out.data(
    { out: target, bytes: built.size },
    () =>
      `Wrote ${target} (${built.size} bytes): open it in a browser and drop a package on it. It needs no network and no install.`,
  );
  return EXIT.ok;
}
