import type { BrowserWindowConstructorOptions } from 'electron';

/** Every security-relevant window setting in one plain function, so a test can hold it to account. */
export function mainWindowOptions(opts: {
  preloadPath: string;
  iconPath?: string;
  devTools: boolean;
}): BrowserWindowConstructorOptions {
  const { preloadPath, iconPath, devTools } = opts;
  return {
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Jejak',
    backgroundColor: '#f4f5f7',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  };
}
