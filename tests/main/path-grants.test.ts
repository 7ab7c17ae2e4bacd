import { describe, expect, it } from 'vitest';
import { PathGrants } from '../../electron/core/app/path-grants';
import { APP_ORIGIN } from '../../electron/main/ipc-names';
import { createPathGrantHandler, grantDialogPicks } from '../../electron/main/path-grant-ipc';

const ourPage = { webContentsId: 7, frameUrl: `${APP_ORIGIN}/index.html` };

describe('minting grants in the desktop shell', () => {
  it('turns the files of an open dialog into tokens the core resolves to exactly those paths', () => {
    const grants = new PathGrants();
    expect(grantDialogPicks({ canceled: true, filePaths: ['/home/a/x.png'] }, grants)).toEqual([]);
    const picks = grantDialogPicks({ canceled: false, filePaths: ['/home/a/x.png', '/home/a/y.zip'] }, grants);
    expect(picks.map((p) => p.label)).toEqual(['x.png', 'y.zip']);
    expect(picks.map((p) => grants.resolve(p.path))).toEqual(['/home/a/x.png', '/home/a/y.zip']);
  });

  it('mints for the preload of our own page only, and only for a plain path string', () => {
    const grants = new PathGrants();
    const grant = createPathGrantHandler({ grants, trustedWebContents: () => [7] });
    expect(grant({ ...ourPage, webContentsId: 8 }, '/home/a/x.png')).toBeNull();
    expect(grant({ ...ourPage, frameUrl: 'https://evil.example/' }, '/home/a/x.png')).toBeNull();
    expect(grant({ ...ourPage, frameUrl: null }, '/home/a/x.png')).toBeNull();
    for (const bad of [42, '', null, { path: '/x' }, 'a\0b', 'x'.repeat(5000)]) expect(grant(ourPage, bad)).toBeNull();
    const token = grant(ourPage, '/home/a/x.png');
    expect(grants.resolve(token!)).toBe('/home/a/x.png');
  });
});
