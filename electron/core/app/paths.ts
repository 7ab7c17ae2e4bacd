import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const APP_NAME = 'Jejak';

/** Same folder Electron's app.getPath('userData') gives for productName "Jejak", so the CLI and the app share a vault. */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (env.JEJAK_DATA_DIR) return env.JEJAK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultVaultDir(dataDir = defaultDataDir()): string {
  return join(dataDir, 'vault');
}

/** Where packages go when no destination is named: beside the vault, never inside it. */
export function defaultExportsDir(vaultDir: string): string {
  return join(dirname(vaultDir), 'exports');
}
