import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_KDF, PASSPHRASE } from '../fixtures/temp-constants';

/**
 * The app bundle the installers wrap, built by electron-builder from electron-builder.config.ts
 * (scripts/pack-dir.mjs): a stub stands in for the Electron binary, which cannot be downloaded
 * here, and the Node build of the database module stands in for the Electron build (same file
 * name and place; the real one is made by scripts/build-native-electron.mjs when packaging).
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
// One bundle for the whole file (the temp fixture would remove it after the first test).
const work = mkdtempSync(join(tmpdir(), 'jejak-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let resources = '';
let asar = '';
let files: string[] = [];

function du(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  return readdirSync(path).reduce((n, name) => n + du(join(path, name)), 0);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

beforeAll(() => {
  if (!existsSync(join('out', 'main', 'index.js')))
    throw new Error('out/ is not built: npm test runs the build before vitest; run `npm run build`.');
  const standIn = join(work, 'native');
  mkdirSync(standIn);
  copyFileSync(
    join('node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'),
    join(standIn, 'better_sqlite3.node'),
  );
  const run = spawnSync(process.execPath, ['scripts/pack-dir.mjs', '--out', work, '--native', standIn], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`pack-dir failed:\n${run.stdout}\n${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { appOutDir: string; seconds: number };
  resources = join(result.appOutDir, 'resources');
  asar = join(resources, 'app.asar');
  files = listPackage(asar, { isPack: false }).map((f) => f.replace(/\\/g, '/'));
  const sizes = {
    asar: du(asar),
    unpacked: du(`${asar}.unpacked`),
    other: du(resources) - du(asar) - du(`${asar}.unpacked`),
  };
  const byPackage = new Map<string, number>();
  for (const f of files) {
    const m = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
    if (!m) continue;
    const entry = statFile(asar, f.slice(1)) as { size?: number };
    byPackage.set(m[1]!, (byPackage.get(m[1]!) ?? 0) + (entry.size ?? 0));
  }
  const top = [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, size]) => `${name} ${mb(size)}`);
  console.log(
    `[packaging] app bundle in ${result.seconds.toFixed(1)} s: ${mb(sizes.asar + sizes.unpacked + sizes.other)} without Electron ` +
      `(app.asar ${mb(sizes.asar)}, app.asar.unpacked ${mb(sizes.unpacked)}, native+fonts+policy ${mb(sizes.other)}); largest: ${top.join(', ')}`,
  );
}, 120_000);

describe('the packaged app bundle', () => {
  it('holds the entry points where package.json and main expect them', () => {
    expect(pkg.main).toBe('out/main/index.js');
    for (const entry of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html'])
      expect(files).toContain(entry);
    const packaged = JSON.parse(extractFile(asar, 'package.json').toString('utf8'));
    expect(packaged).toMatchObject({ main: 'out/main/index.js', type: 'module', version: pkg.version });
    expect(packaged.devDependencies).toBeUndefined();
    expect(packaged.scripts).toBeUndefined();
    const main = extractFile(asar, 'out/main/index.js').toString('utf8');
    // main loads the preload and the renderer from these places inside the asar.
    expect(main).toMatch(/"out",\s*"preload",\s*"index\.cjs"/);
    expect(main).toMatch(/"out",\s*"renderer"/);
    expect(main).toMatch(/"native",\s*"better_sqlite3\.node"/);
  });

  it('holds no tests, sources, web harness, maps or build tooling of ours', () => {
    const ours = files.filter((f) => !f.startsWith('/node_modules/'));
    const outFiles = ours.filter((f) => f.startsWith('/out/') && !Object.hasOwn(statFile(asar, f.slice(1)), 'files'));
    expect(new Set(outFiles.map((f) => f.split('/')[2]))).toEqual(
      new Set(['main', 'preload', 'renderer', 'cli', 'verifier']),
    );
    for (const f of ours) {
      expect(f).not.toMatch(/^\/(tests|electron|renderer|scripts|docs|resources|bin|native|test-results)(\/|$)/);
      expect(f).not.toMatch(/\.(ts|tsx|map)$|\.test\.|\.spec\./);
    }
    // The web harness (electron/web) serves over HTTP; the packaged main never does.
    expect(extractFile(asar, 'out/main/index.js').toString('utf8')).not.toMatch(/from "node:http"|electron\/web/);
  });

  it('holds no development dependency', () => {
    const devOnly = Object.keys(pkg.devDependencies).filter((name) => !(name in pkg.dependencies));
    expect(devOnly).toEqual(
      expect.arrayContaining([
        'vitest',
        '@playwright/test',
        'electron-builder',
        'typescript',
        'tsx',
        'electron',
        'vite',
        'eslint',
      ]),
    );
    for (const name of [...devOnly, 'playwright', 'playwright-core', 'app-builder-lib', 'esbuild', 'rollup'])
      expect(files, name).not.toContain(`/node_modules/${name}`);
  });

  it('resolves every package the main bundle and the command line import at run time', () => {
    const bundles = files.filter((f) => /^\/out\/(main|cli)\/[^/]+\.js$/.test(f));
    expect(bundles).toContain('/out/cli/jejak.js');
    const bare = new Set(
      bundles.flatMap((file) =>
        [
          ...extractFile(asar, file.slice(1))
            .toString('utf8')
            .matchAll(/(?:from |import\(|require\()["']([^"'./][^"']*)["']/g),
        ]
          .map((m) => m[1]!)
          .filter((s) => !s.startsWith('node:') && s !== 'electron'),
      ),
    );
    for (const used of ['better-sqlite3-multiple-ciphers', 'sharp', 'pdfkit']) expect(bare).toContain(used);
    // zod is bundled into both (a start read its 95 files), so it is neither imported nor shipped
    expect([...bare].filter((s) => s === 'zod' || s.startsWith('zod/'))).toEqual([]);
    expect(files).not.toContain('/node_modules/zod/package.json');
    for (const spec of bare) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      expect(files, `a bundle imports ${spec}`).toContain(`/node_modules/${name}/package.json`);
    }
    // Renderer-only packages are bundled into out/renderer and not shipped twice.
    expect(files).not.toContain('/node_modules/react-dom');
  });

  it('keeps native code out of the archive: the database module in resources/native, sharp and CRC-32 unpacked', () => {
    expect(statSync(join(resources, 'native', 'better_sqlite3.node')).size).toBeGreaterThan(100_000);
    const nodeFiles = files.filter((f) => f.endsWith('.node'));
    expect(nodeFiles.length).toBeGreaterThan(0);
    for (const f of nodeFiles) {
      expect((statFile(asar, f.slice(1)) as { unpacked?: boolean }).unpacked, f).toBe(true);
      expect(existsSync(join(`${asar}.unpacked`, f))).toBe(true);
    }
    expect(nodeFiles.some((f) => f.includes('/@img/sharp-'))).toBe(true);
    expect(nodeFiles.some((f) => f.includes('/@node-rs/crc32-'))).toBe(true);
    // The Node-ABI build and the sources of the database module are not shipped.
    expect(
      files.filter(
        (f) => f.startsWith('/node_modules/better-sqlite3-multiple-ciphers/') && /\/(build|deps|src)\//.test(f),
      ),
    ).toEqual([]);
  });

  it('ships the report fonts and the example policy beside the archive', () => {
    const fonts = readdirSync(join(resources, 'fonts'));
    expect(fonts).toEqual(
      expect.arrayContaining(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf', 'DejaVu-LICENSE.txt']),
    );
    expect(JSON.parse(readFileSync(join(resources, 'policy.example.json'), 'utf8'))).toHaveProperty('unitName');
    expect(relative(resources, join(resources, 'fonts'))).toBe('fonts');
  });
});

describe('the `jejak` command line of the installed app', () => {
  it('ships launchers that start the app binary as the command line, which main recognises', () => {
    const sh = join(resources, 'bin', 'jejak');
    expect(statSync(sh).mode & 0o111).not.toBe(0);
    expect(readFileSync(sh, 'utf8')).toMatch(/exec "\$here\/\.\.\/\.\.\/jejak" .*--jejak-cli -- "\$@"/);
    expect(readFileSync(join(resources, 'bin', 'jejak.cmd'), 'utf8')).toMatch(
      /\.\.\\\.\.\\Jejak\.exe" --jejak-cli -- %\*/,
    );
    const main = extractFile(asar, 'out/main/index.js').toString('utf8');
    expect(main).toContain('"--jejak-cli"');
    expect(main).toMatch(/"out",\s*"cli",\s*"jejak\.js"/);
  });

  it('runs from what the package holds alone: its bundle, its node_modules, its resources', () => {
    // Node cannot read an asar: the archive is unpacked into a folder with no node_modules above it.
    const app = join(work, 'extracted');
    extractAll(asar, app);
    cpSync(`${asar}.unpacked`, app, { recursive: true });
    const dir = join(work, 'cli-run');
    mkdirSync(dir);
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ kdf: FAST_KDF, allowAnonymousVault: true }));
    // What cli-mode.ts does in the app: main(args, the installed resources and database module).
    const driver = `const { main } = await import(${JSON.stringify(pathToFileURL(join(app, 'out', 'cli', 'jejak.js')).href)});
      process.exitCode = await main(process.argv.slice(1), ${JSON.stringify({ resourcesDir: resources, nativeBinding: join(resources, 'native', 'better_sqlite3.node') })});`;
    const jejak = (...args: string[]) =>
      spawnSync(process.execPath, ['--input-type=module', '-e', driver, '--', '--vault', join(dir, 'vault'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          JEJAK_POLICY: join(dir, 'policy.json'),
          JEJAK_PASSPHRASE: PASSPHRASE,
          JEJAK_DATA_DIR: dir,
          JEJAK_LANG: 'en',
        },
      });
    const help = jejak('--help');
    expect(help.stderr).toBe('');
    expect(help.stdout).toContain('case export REF');
    expect(jejak('init').status).toBe(0);
    expect(jejak('channel', 'add', 'https://t.me/packaged_cli').status).toBe(0);
    expect(jejak('channel', 'list').stdout).toContain('packaged_cli');
    const page = jejak('verifier', '--out', join(dir, 'verify.html'));
    expect(page.stderr).toBe('');
    expect(readFileSync(join(dir, 'verify.html'))).toEqual(readFileSync(join('out', 'verifier', 'verify.html')));
  });
});
