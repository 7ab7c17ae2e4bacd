import { type AppEvent, type Args, type JejakBridge, channels } from '../../electron/contract';
import { dispatch } from '../../electron/core/api/dispatch';
import type { JejakApp } from '../../electron/core/app/jejak-app';
import type { Policy } from '../../electron/core/policy/policy';
import { call } from '../../renderer/api';
import { resetAllStores } from '../../renderer/app/reset-stores';
import { testApp } from '../fixtures/app';
import { PASSPHRASE } from '../fixtures/temp-constants';

/**
 * window.jejak as the preload shapes it (one function per contract channel, onEvent, pathForFile),
 * each call going to the real dispatch of a JejakApp over a fresh temp data folder. Arguments,
 * answers and events are copied on the way, as IPC copies them, so a store under test talks to the
 * real core exactly as it does in the desktop app. Files from the window have no path on disk here:
 * they travel as bytes, as in a browser.
 */
export function installRealApi(policy: Policy = {}): JejakApp {
  const app = testApp(policy);
  const bridge: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [area, method] = channel.split('.') as [string, string];
    bridge[area] ??= {};
    bridge[area][method] = async (args) => structuredClone(await dispatch(app, channel, structuredClone(args)));
  }
  const api = {
    ...bridge,
    onEvent: (listener: (event: AppEvent) => void) => app.onEvent((event) => listener(structuredClone(event))),
    pathForFile: async () => null,
  };
  window.jejak = api as unknown as JejakBridge;
  return app;
}

/** The real API over a new, open vault (made through vault.create as the window makes it), stores reset. */
export async function openNewVault(
  policy: Policy = {},
  identity?: Args<'vault.create'>['identity'],
): Promise<JejakApp> {
  const app = installRealApi(policy);
  resetAllStores();
  await call('vault.create', { passphrase: PASSPHRASE, ...(identity ? { identity } : {}) });
  return app;
}
