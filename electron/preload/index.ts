/**
 * Runs sandboxed in the window before the page: exposes window.jejak, one named function per
 * contract channel, and nothing else (no ipcRenderer, no generic send).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { type AppEvent, type JejakBridge, channels } from '../contract';
import { EVENT_CHANNEL, PATH_GRANT_CHANNEL } from '../main/ipc-names';

const bridge: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
for (const channel of channels) {
  const [area, method] = channel.split('.') as [string, string];
  bridge[area] ??= {};
  bridge[area][method] = (args: unknown) => ipcRenderer.invoke(channel, args);
}

const api = {
  ...bridge,
  onEvent(listener: (event: AppEvent) => void) {
    const handler = (_e: unknown, event: AppEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
  // The page gets a grant token, never a path it could name itself: main mints it for a File the
  // user picked or dropped (webUtils knows its path; a File built by the page has none).
  pathForFile: async (file: File) => {
    const path = webUtils.getPathForFile(file);
    return path ? ((await ipcRenderer.invoke(PATH_GRANT_CHANNEL, path)) as string | null) : null;
  },
} as unknown as JejakBridge;

contextBridge.exposeInMainWorld('jejak', api);
