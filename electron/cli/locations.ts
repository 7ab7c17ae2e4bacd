import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultVaultDir } from '../core/app/paths';

let installedResources: string | undefined;

/** The installed app's resources folder (fonts for the report), named by the app that runs the command line. */
export function useInstalledResources(dir: string): void {
  installedResources = dir;
}

/**
 * resources/ of this checkout, wherever the command is run from: two folders up from this file in
 * electron/cli/ and from its bundle in out/cli/ alike. An installed app names its own.
 */
export function resourcesDir(): string {
  return installedResources ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources');
}

export function vaultDirFrom(flag: unknown): { vaultDir: string; dataDir: string } {
  const vaultDir = typeof flag === 'string' ? flag : defaultVaultDir();
  return { vaultDir, dataDir: dirname(vaultDir) };
}
