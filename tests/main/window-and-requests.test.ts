import { describe, expect, it } from 'vitest';
import { createIpcRouter } from '../../electron/main/ipc-router';
import { isAllowedNavigation, isAllowedRequest } from '../../electron/main/request-policy';
import { mainWindowOptions } from '../../electron/main/window-options';

describe('main window options', () => {
  it('isolates and sandboxes the renderer with Node off', () => {
    const prefs = mainWindowOptions({ preloadPath: '/app/preload.cjs', devTools: false }).webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
      preload: '/app/preload.cjs',
    });
  });
});

describe('request policy', () => {
  it.each([
    ['app://jejak/index.html', true],
    ['app://jejak/assets/index.js', true],
    ['jejak-evidence://blob/abc?variant=thumb', true],
    ['app://evil/index.html', false],
    ['https://t.me/somechannel', false],
    ['http://127.0.0.1:8080/', false],
    ['file:///etc/passwd', false],
    ['ws://localhost/', false],
    ['data:text/html,<script>1</script>', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedRequest(url)).toBe(allowed);
  });

  it('never navigates away from the app', () => {
    expect(isAllowedNavigation('app://jejak/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('jejak-evidence://blob/x')).toBe(false);
  });
});

describe('IPC router', () => {
  const calls: Array<[string, unknown]> = [];
  const route = createIpcRouter({
    dispatch: async (channel, args) => {
      calls.push([channel, args]);
      return { ok: true, value: {} };
    },
    trustedWebContents: () => [7],
  });
  const ours = { webContentsId: 7, frameUrl: 'app://jejak/index.html' };

  it('passes a known channel from our window and page to the core', async () => {
    expect(await route(ours, 'vault.status', {})).toEqual({ ok: true, value: {} });
    expect(calls).toContainEqual(['vault.status', {}]);
  });

  it('refuses unknown channels, other windows and other pages before the core sees them', async () => {
    calls.length = 0;
    expect(await route(ours, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await route({ ...ours, webContentsId: 8 }, 'vault.status', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await route({ ...ours, frameUrl: 'https://evil.example/' }, 'vault.status', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await route({ ...ours, frameUrl: null }, 'vault.status', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await route(ours, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).toEqual([]);
  });
});
