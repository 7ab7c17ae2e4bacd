/**
 * Electron main process: lifecycle, the window, security settings, IPC, auto-lock on suspend and
 * screen lock. Everything that matters lives in electron/core; this file only wires it to Electron.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, type IpcMainInvokeEvent, app, clipboard, ipcMain, powerMonitor, session } from 'electron';
import { channels } from '../contract';
import { listenForLock } from '../core/app/lock-signal';
import { defaultDataDir } from '../core/app/paths';
import { startCore } from '../core/app/startup';
import { setNativeBinding } from '../core/db/database';
import { boundHeapGrowth } from '../core/v8-settings';
import { registerSchemes, serveEvidence, serveRenderer } from './app-protocol';
import { cliArguments, runCli } from './cli-mode';
import { createClipboardKeeper } from './clipboard-keeper';
import { createHostHandlers } from './host-handlers';
import { APP_ORIGIN, EVENT_CHANNEL, PATH_GRANT_CHANNEL } from './ipc-names';
import { createIpcRouter } from './ipc-router';
import { createPathGrantHandler } from './path-grant-ipc';
import { hardenContents, hardenSession } from './security';
import { mainWindowOptions } from './window-options';

const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
const nativeModule = app.isPackaged
  ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
  : join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
// The database module built for Electron's ABI sits beside the one Node uses for tests.
if (existsSync(nativeModule)) setNativeBinding(nativeModule);

let mainWindow: BrowserWindow | null = null;

const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  // Started as `jejak` (cli-mode.ts): no window, no single-instance lock, the command's exit code.
  app.disableHardwareAcceleration();
  void runCli(app, cliArgs, { resourcesDir, nativeBinding: existsSync(nativeModule) ? nativeModule : undefined });
} else {
  startDesktop();
}

function startDesktop(): void {
  // The vault's work (exports above all) runs in this process; started as `jejak`, main() sets this.
  boundHeapGrowth();
  // The sandbox is enabled for every renderer at once, not window by window, so no future window
  // (a print preview, a devtools extension) can run with Node or without the OS sandbox.
  app.enableSandbox();
  // The same folder the `jejak` CLI uses (core/app/paths.ts), whatever package.json's name says:
  // on Linux "jejak" and "Jejak" would be two folders and two vaults.
  app.setPath('userData', defaultDataDir());
  registerSchemes();
  hardenContents();

  if (!app.requestSingleInstanceLock()) {
    // One vault, one writer: a second start only brings the first window forward.
    app.quit();
  } else {
    app.on('second-instance', () => {
      if (mainWindow?.isMinimized()) mainWindow.restore();
      mainWindow?.focus();
    });
    void app.whenReady().then(start);
  }
  app.on('window-all-closed', () => app.quit());
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(join(app.getAppPath(), 'out', 'renderer'));
  const copied = createClipboardKeeper(clipboard);
  const core = startCore({
    dataDir: app.getPath('userData'),
    resourcesDir,
    version: app.getVersion(),
    requirePathGrants: true,
    hostHandlers: createHostHandlers({
      window: () => mainWindow,
      documentsDir: app.getPath('documents'),
      clipboard: copied,
    }),
  });
  const trustedWebContents = () => (mainWindow ? [mainWindow.webContents.id] : []);
  const route = createIpcRouter({ dispatch: core.dispatch, trustedWebContents });
  const senderOf = (event: IpcMainInvokeEvent) => ({
    webContentsId: event.sender.id,
    frameUrl: event.senderFrame?.url ?? null,
  });
  for (const channel of channels) {
    ipcMain.handle(channel, (event, args: unknown) => route(senderOf(event), channel, args));
  }
  const grants = core.app?.pathGrants;
  if (grants) {
    const grantPath = createPathGrantHandler({ grants, trustedWebContents });
    ipcMain.handle(PATH_GRANT_CHANNEL, (event, path: unknown) => grantPath(senderOf(event), path));
  }
  core.onEvent((event) => mainWindow?.webContents.send(EVENT_CHANNEL, event));
  if (core.app) {
    const jejak = core.app;
    // A recovery code or hash copied before the lock must not outlive the unlocked session.
    jejak.onEvent((event) => event.type === 'locked' && void copied.takeBack());
    serveEvidence(jejak);
    powerMonitor.on('suspend', () => jejak.lock('suspend'));
    powerMonitor.on('lock-screen', () => jejak.lock('screen-locked'));
    listenForLock(app.getPath('userData'), () => jejak.lock('command'));
    app.on('before-quit', () => jejak.lock('quit'));
  }
  // The clipboard answers asynchronously: quitting waits for the copy to be taken back, once.
  app.on('before-quit', (event) => {
    if (!copied.holding()) return;
    event.preventDefault();
    void copied.takeBack().finally(() => app.quit());
  });

  mainWindow = new BrowserWindow(
    mainWindowOptions({
      preloadPath: join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
      devTools: !app.isPackaged,
    }),
  );
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}
