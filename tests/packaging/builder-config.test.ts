import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config, { FUSES, electronFuses, nativeDir } from '../../electron-builder.config';
import { NATIVE_DIR } from '../../scripts/build-native-electron.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const camel = (name: string) => name[0]!.toLowerCase() + name.slice(1);

describe('electron-builder configuration', () => {
  it('names every fuse Electron has, each with a reason, and sets the hardening ones', () => {
    const wire = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(FUSES).sort()).toEqual(wire.map(camel).sort());
    for (const fuse of Object.values(FUSES)) expect(fuse.why.length).toBeGreaterThan(20);
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.electronFuses).toBe(electronFuses);
  });

  it('builds NSIS (per machine, keeps user data) and MSI for Windows, AppImage and deb for Linux, with versioned names', () => {
    expect(config.artifactName).toBe('${productName}-${version}-${arch}.${ext}');
    expect(config.win?.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({ perMachine: true, deleteAppDataOnUninstall: false, oneClick: false });
    expect(config.msi).toMatchObject({ perMachine: true, upgradeCode: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
  });

  it('has no auto-update: nothing to publish to, no updater dependency', () => {
    expect(config.publish).toBeNull();
    expect(pkg.dependencies).not.toHaveProperty('electron-updater');
    expect(pkg.devDependencies).not.toHaveProperty('electron-updater');
  });

  it('ships the database module built for Electron beside the asar, never rebuilding node_modules in place', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.beforePack).toBe('./scripts/build-native-electron.mjs');
    expect(nativeDir).toBe(NATIVE_DIR);
    expect(config.extraResources).toContainEqual({ from: nativeDir, to: 'native', filter: ['better_sqlite3.node'] });
    expect(config.asarUnpack).toContain('**/*.node');
    // the OCR worker thread loads its script, core and trained data as plain files
    for (const name of ['tesseract.js', 'tesseract.js-core', '@tesseract.js-data'])
      expect(config.asarUnpack).toContain(`**/node_modules/${name}/**`);
    // electron/main/index.ts loads it from there when packaged.
    expect(readFileSync('electron/main/index.ts', 'utf8')).toContain(
      "join(process.resourcesPath, 'native', 'better_sqlite3.node')",
    );
  });

  it('reads every signing secret from the environment; none is committed', () => {
    const text = readFileSync('electron-builder.config.ts', 'utf8');
    expect(text).not.toMatch(
      /certificatePassword|certificateFile|cscKeyPassword|BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY/,
    );
    expect(config.afterAllArtifactBuild).toBe('./scripts/sign-linux.mjs');
    const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n');
    expect(tracked.filter((f) => /\.(pfx|p12|key|gpg|asc|jks)$|(^|\/)\.env$|private.*\.pem$/i.test(f))).toEqual([]);
  });
});
