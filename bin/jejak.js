#!/usr/bin/env node
// Runs the built command line, out/cli/jejak.js (scripts/build-cli.mjs, part of `npm run build`):
// no TypeScript is compiled at run time. The installed app runs the same bundle (electron/main/cli-mode.ts).
import { existsSync } from 'node:fs';

const bundle = new URL('../out/cli/jejak.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    'jejak: the command line is not built in this checkout: run `npm run build` (or just `node scripts/build-cli.mjs`).\n',
  );
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
