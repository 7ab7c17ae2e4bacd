import { join } from 'node:path';
import { loadPolicy } from '../policy/policy';
import { JejakApp } from './jejak-app';
import { defaultDataDir } from './paths';

export interface CreateAppOptions {
  dataDir?: string;
  vaultDir?: string;
  policyPath?: string;
  resourcesDir: string;
  version: string;
}

/** Loads the machine policy first: a broken policy throws a POLICY error the caller must show. */
export function createJejakApp(opts: CreateAppOptions): JejakApp {
  const dataDir = opts.dataDir ?? defaultDataDir();
  const policy = loadPolicy(opts.policyPath);
  const app = new JejakApp({
    vaultDir: opts.vaultDir ?? join(dataDir, 'vault'),
    preferencesPath: join(dataDir, 'preferences.json'),
    policy,
    version: opts.version,
    resourcesDir: opts.resourcesDir,
  });
  // A package export killed last time left its contents in clear beside the destination.
  app.removeStalePartialsAtStart();
  return app;
}
