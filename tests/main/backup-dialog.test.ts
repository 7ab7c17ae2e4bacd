import { describe, expect, it } from 'vitest';
import { backupDialogOptions, evidenceDialogOptions } from '../../electron/main/dialog-options';

describe('backup save dialog', () => {
  it('starts in the backup folder with a .tar name the window cannot steer elsewhere', () => {
    expect(backupDialogOptions('jejak-backup.tar', '/media/cadangan').defaultPath).toBe(
      '/media/cadangan/jejak-backup.tar',
    );
    expect(backupDialogOptions('../../etc/passwd', '/media/cadangan').defaultPath).toBe('/media/cadangan/passwd.tar');
    expect(backupDialogOptions('..\\..\\x', '/media/cadangan').filters).toEqual([
      { name: 'Jejak backup', extensions: ['tar'] },
    ]);
  });
});

describe('export-original save dialog', () => {
  it('proposes the original name in Documents, or in the first folder the policy allows, never a folder the name steers to', () => {
    expect(evidenceDialogOptions('tangkapan-1.png', { documentsDir: '/home/sari/Dokumen' }).defaultPath).toBe(
      '/home/sari/Dokumen/tangkapan-1.png',
    );
    expect(
      evidenceDialogOptions('../../etc/passwd', { documentsDir: '/home/sari/Dokumen', allowedFolders: ['/srv/ekspor'] })
        .defaultPath,
    ).toBe('/srv/ekspor/passwd');
    expect(evidenceDialogOptions('..', { documentsDir: '/d' }).defaultPath).toBe('/d/evidence');
  });
});
