// Bundles the `jejak` command line (electron/cli.ts) into out/cli/, so it starts without compiling
// TypeScript: bin/jejak.js in the checkout and the installed app's launcher (electron/main/cli-mode.ts)
// both load out/cli/jejak.js. Every command is found through the imports of electron/cli.ts; each
// command module the lists load with import() (electron/cli/command.ts) becomes a chunk of its own,
// so a command loads only its own code. Packages stay in node_modules (the app ships its production
// dependencies), which also keeps native modules (database, sharp) and packages that read their own
// files (pdfkit's fonts, tesseract's worker) where they expect to be. Except zod (BUNDLED_PACKAGES).
// Run by `npm run build`, and before the tests (tests/fixtures/cli-bundle.ts) so they never run a stale bundle.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { isNoticeValidatorImport, noticeValidatorModule } from './precompiled-notice-validator.mjs';

export const CLI_OUT_DIR = 'out/cli';

/**
 * Pure JavaScript packages bundled into the chunks. zod is read by every command that opens a vault
 * (its header, the policy) and by verify: from node_modules Node resolved and loaded 95 module
 * files of it at each start, 44-50 ms here (`import('zod')`), 25 ms as one bundled file.
 */
const BUNDLED_PACKAGES = ['zod'];

/** Every other package stays external: the `packages: 'external'` of esbuild, with BUNDLED_PACKAGES left in. */
const externalPackages = {
  name: 'jejak-external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED_PACKAGES.includes(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/** The notice schema's validator compiled now, not by Ajv at the first export or verify (see the module). */
const precompiledNoticeValidator = {
  name: 'jejak-precompiled-notice-validator',
  setup(b) {
    b.onResolve({ filter: /^\.\/notice-validator$/ }, (args) =>
      isNoticeValidatorImport(args.path, args.importer)
        ? { path: 'notice-validator', namespace: 'jejak-precompiled' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'jejak-precompiled' }, async () => ({
      contents: await noticeValidatorModule('node'),
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};

export async function buildCli(outDir = CLI_OUT_DIR) {
  rmSync(outDir, { recursive: true, force: true });
  await build({
    // the report PDF, and pictures' analyses and PDQ hashes, are worked out on worker threads started from their own entries beside the chunks
    entryPoints: {
      jejak: 'electron/cli.ts',
      'pdf-worker': 'electron/core/report/pdf-worker.ts',
      'media-worker': 'electron/core/evidence/media/media-worker.ts',
    },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // Beside the entry: resources/ and out/verifier/ are found two folders up from each file.
    chunkNames: '[name]-[hash]',
    sourcemap: true,
    plugins: [precompiledNoticeValidator, externalPackages],
    logLevel: 'warning',
  });
  return resolve(outDir, 'jejak.js');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/build-cli.mjs')) {
  buildCli().then(
    (entry) => console.log(`jejak CLI bundle: ${entry}`),
    (e) => {
      console.error(`build-cli: ${e.message}`);
      process.exitCode = 1;
    },
  );
}
