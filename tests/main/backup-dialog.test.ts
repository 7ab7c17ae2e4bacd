import { describe, expect, it } from 'vitest';
import { backupDialogOptions } from '../../electron/main/dialog-options';

describe('backup save dialog', () => {
  it('starts in the backup folder with a .tar name the window cannot steer elsewhere', () => {
    expect(backupDialogOptions('jejak-backup.tar', '/media/cadangan').defaultPath).toBe('/media/cadangan/jejak-backup.tar');
    expect(backupDialogOptions('../../etc/passwd', '/media/cadangan').defaultPath).toBe('/media/cadangan/passwd.tar');
    expect(backupDialogOptions('..\\..\\x', '/media/cadangan').filters).toEqual([{ name: 'Jejak backup', extensions: ['tar'] }]);
  });
});
