import { join } from 'node:path';
import type { HostHandlers } from '../api/handler-types';
import { loadPolicy } from '../policy/policy';
import { JejakApp } from './jejak-app';
import { defaultDataDir } from './paths';

export interface CreateAppOptions {
  dataDir?: string;
  vaultDir?: string;
  policyPath?: string;
  resourcesDir: string;
  version: string;
  /** the desktop app: files come from the window only as grant tokens of the user's own picks */
  requirePathGrants?: boolean;
  /** the desktop shell's handlers for the host.* channels */
  hostHandlers?: HostHandlers;
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
    ...(opts.requirePathGrants ? { pathGrants: {} } : {}),
    ...(opts.hostHandlers ? { hostHandlers: opts.hostHandlers } : {}),
  });
  // A package export killed last time left its contents in clear beside the destination.
  app.removeStalePartialsAtStart();
  return app;
}
