// Builds the unpacked app (what the installers wrap: app.asar, app.asar.unpacked, resources/) with
// electron-builder and electron-builder.config.ts itself, so a check of its contents cannot drift
// from the real configuration. Where the Electron binary cannot be downloaded, a stub stands in
// for it (the app bundle does not depend on the binary), and fuses are skipped: they are flipped
// inside the binary. Used by tests/packaging; by hand: node scripts/pack-dir.mjs --out DIR
//   --native DIR  folder holding a better_sqlite3.node to ship (default: native/electron)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

function realElectronDist() {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join('node_modules', 'electron', 'dist');
  return existsSync(join(dist, readFileSync(pathFile, 'utf8').trim())) ? resolve(dist) : null;
}

/** Just enough of an Electron distribution for electron-builder to lay the app out around it. */
function stubElectronDist(dir) {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stub: no Electron binary on this machine" >&2\nexit 1\n', {
    mode: 0o755,
  });
  for (const locale of ['id', 'en-US', 'fr', 'de']) writeFileSync(join(dir, 'locales', `${locale}.pak`), '');
  return dir;
}

export async function packDir({ out, nativeDir }) {
  for (const entry of [join('out', 'main', 'index.js'), join('out', 'cli', 'jejak.js')])
    if (!existsSync(entry)) throw new Error(`${entry} is not built: run \`npm run build\` first.`);
  if (nativeDir) process.env.JEJAK_NATIVE_DIR = resolve(nativeDir);
  const { build, Platform } = await import('electron-builder');
  const real = realElectronDist();
  const electronDist = real ?? stubElectronDist(join(resolve(out), 'stub-electron'));
  const started = performance.now();
  await build({
    projectDir: process.cwd(),
    targets: Platform.LINUX.createTarget('dir'),
    config: {
      // "extends" with a file path makes electron-builder load that file and apply these on top.
      extends: 'electron-builder.config.ts',
      electronDist,
      ...(real ? {} : { electronFuses: null }),
      // Repeated from the config on purpose: an in-place rebuild would delete the Node build the tests use.
      npmRebuild: false,
      beforePack: null,
      afterAllArtifactBuild: null,
      directories: { output: join(resolve(out), 'dist') },
    },
  });
  return {
    appOutDir: join(resolve(out), 'dist', 'linux-unpacked'),
    stubElectron: !real,
    seconds: (performance.now() - started) / 1000,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/pack-dir.mjs')) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, native: { type: 'string' } } });
  if (!values.out) {
    console.error('Usage: node scripts/pack-dir.mjs --out DIR [--native DIR]');
    process.exit(2);
  }
  packDir({ out: values.out, nativeDir: values.native }).then(
    (result) => console.log(JSON.stringify(result)),
    (e) => {
      console.error(`pack-dir: ${e.message}`);
      process.exitCode = 1;
    },
  );
}
