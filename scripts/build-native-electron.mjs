// Builds better-sqlite3-multiple-ciphers for Electron's ABI into native/electron/, beside (never
// over) the Node build in node_modules that the tests use. electron-builder runs it as beforePack
// (npmRebuild is off: an in-place rebuild would replace the Node build and break `npm test`);
// `npm run native:electron` runs it by hand. It needs Electron's headers: downloaded from
// electronjs.org, or, offline, from JEJAK_ELECTRON_HEADERS (the headers tarball or its folder).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const MODULE = 'better-sqlite3-multiple-ciphers';
const HEADERS_URL = 'https://electronjs.org/headers';
/** Same default as electron-builder.config.ts, which ships <dir>/better_sqlite3.node as resources/native. */
export const NATIVE_DIR = process.env.JEJAK_NATIVE_DIR ?? 'native/electron';
const ARCHES = ['ia32', 'x64', 'armv7l', 'arm64'];

function nodeGyp() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    // npm ships its own copy.
    return join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    );
  }
}

/** Electron's headers carry its own NODE_MODULE_VERSION; Node's would build a module Electron refuses. */
function checkHeadersFolder(dir) {
  const versionFile = join(dir, 'include', 'node', 'node_version.h');
  if (!existsSync(versionFile))
    throw new Error(
      `JEJAK_ELECTRON_HEADERS=${dir} holds no include/node/node_version.h: unpack node-v<electron>-headers.tar.gz there.`,
    );
  const abi = /#define NODE_MODULE_VERSION (\d+)/.exec(readFileSync(versionFile, 'utf8'))?.[1];
  if (abi === process.versions.modules)
    throw new Error(`JEJAK_ELECTRON_HEADERS=${dir} are Node's own headers (ABI ${abi}), not Electron's.`);
}

function headerArgs() {
  const local = process.env.JEJAK_ELECTRON_HEADERS;
  if (local && !local.endsWith('.tar.gz')) checkHeadersFolder(resolve(local));
  if (local) return local.endsWith('.tar.gz') ? [`--tarball=${resolve(local)}`] : [`--nodedir=${resolve(local)}`];
  return [
    `--dist-url=${HEADERS_URL}`,
    `--devdir=${join(process.env.HOME ?? process.env.USERPROFILE ?? tmpdir(), '.electron-gyp')}`,
  ];
}

/**
 * An npm config `nodedir` (offline machines set one so `npm install` builds against the local
 * Node) reaches node-gyp as npm_config_nodedir and silently wins over --target: the result
 * would be a Node module labelled Electron. Only our own --nodedir may choose the headers.
 */
function gypEnv() {
  const env = { ...process.env, npm_config_runtime: 'electron' };
  for (const key of Object.keys(env))
    if (/^npm_config_(nodedir|target|disturl|dist_url|runtime)$/i.test(key) && key !== 'npm_config_runtime')
      delete env[key];
  return env;
}

/** The module names its ABI in its init symbol; Node's own ABI here means the wrong headers were used. */
function checkNotNodeAbi(file) {
  if (readFileSync(file).includes(`node_register_module_v${process.versions.modules}`)) {
    throw new Error(
      `The build used Node's headers (ABI ${process.versions.modules}), not Electron's; it was not installed.`,
    );
  }
}

function explain(output, electronVersion) {
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network connectivity|getaddrinfo|proxy/i.test(output)) {
    return [
      `Could not download the Electron ${electronVersion} headers from ${HEADERS_URL} (no network here).`,
      `On an offline build machine, bring node-v${electronVersion}-headers.tar.gz from ${HEADERS_URL}/v${electronVersion}/`,
      'and set JEJAK_ELECTRON_HEADERS to that file (or to the folder it unpacks to), then build again.',
    ].join('\n');
  }
  return `node-gyp failed to build ${MODULE} for Electron ${electronVersion}:\n${output.split('\n').slice(-25).join('\n')}`;
}

/** Builds (or reuses, when the stamp matches) native/electron/better_sqlite3.node. */
export function buildNativeForElectron({
  electronVersion,
  arch = process.arch,
  outDir = NATIVE_DIR,
  log = console.log,
}) {
  if (!ARCHES.includes(arch)) throw new Error(`Unsupported architecture ${arch}.`);
  const pkgDir = dirname(require.resolve(`${MODULE}/package.json`));
  const moduleVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  const stamp = { module: `${MODULE}@${moduleVersion}`, electron: electronVersion, platform: process.platform, arch };
  const stampPath = join(outDir, 'build-info.json');
  const binary = join(outDir, 'better_sqlite3.node');
  if (
    existsSync(binary) &&
    existsSync(stampPath) &&
    readFileSync(stampPath, 'utf8') === `${JSON.stringify(stamp, null, 2)}\n`
  ) {
    log(`native: ${binary} is already built for Electron ${electronVersion} ${process.platform}-${arch}`);
    return binary;
  }
  // A private copy of the sources: node-gyp's rebuild starts by deleting build/, and the Node
  // build in node_modules/…/build must survive for the tests.
  const work = mkdtempSync(join(tmpdir(), 'jejak-native-'));
  try {
    cpSync(pkgDir, work, { recursive: true, filter: (src) => !/[\\/](build|node_modules)$/.test(src) });
    log(
      `native: building ${MODULE}@${moduleVersion} for Electron ${electronVersion} ${process.platform}-${arch} (a few minutes)`,
    );
    const args = [nodeGyp(), 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, ...headerArgs()];
    const run = spawnSync(process.execPath, args, {
      cwd: work,
      encoding: 'utf8',
      env: gypEnv(),
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0)
      throw new Error(
        explain(`${run.stdout ?? ''}\n${run.stderr ?? ''}\n${run.error?.message ?? ''}`, electronVersion),
      );
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    checkNotNodeAbi(built);
    mkdirSync(outDir, { recursive: true });
    cpSync(built, binary);
    writeFileSync(stampPath, `${JSON.stringify(stamp, null, 2)}\n`);
    log(`native: wrote ${binary}`);
    return binary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function electronVersionOf(context) {
  return (
    context?.packager?.config?.electronVersion ??
    context?.packager?.info?.framework?.version ??
    JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  );
}

/** electron-builder's beforePack hook: the module must match the platform and arch being packed. */
export default async function beforePack(context) {
  const platform = context.electronPlatformName;
  if (platform !== process.platform) {
    throw new Error(
      `The database module is native code: package for ${platform} on a ${platform} machine (this one is ${process.platform}).`,
    );
  }
  buildNativeForElectron({ electronVersion: electronVersionOf(context), arch: ARCHES[context.arch] ?? process.arch });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const archFlag = process.argv.find((a) => a.startsWith('--arch='));
  try {
    buildNativeForElectron({
      electronVersion: electronVersionOf(null),
      arch: archFlag ? archFlag.slice('--arch='.length) : process.arch,
    });
  } catch (e) {
    console.error(`build-native-electron: ${e.message}`);
    process.exitCode = 1;
  }
}
