import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fullResolution, sourceKind } from '../../electron/main/capture-geometry';
import { type TextClipboard, createClipboardKeeper, shouldClear } from '../../electron/main/clipboard-keeper';
import {
  FILE_FILTERS,
  openDialogOptions,
  safeFileName,
  reportDialogOptions,
  saveDialogOptions,
  withReportExtension,
  withZipExtension,
} from '../../electron/main/dialog-options';

/** A plain in-memory clipboard with the async shape Electron 45's clipboard has. */
function memoryClipboard(): TextClipboard & { text: string } {
  return {
    text: '',
    async readText() {
      return this.text;
    },
    async writeText(text: string) {
      this.text = text;
    },
    clear() {
      this.text = '';
    },
  };
}

describe('clipboard keeper', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('clears after the delay when the clipboard still holds our text', async () => {
    const board = memoryClipboard();
    const keeper = createClipboardKeeper(board);
    await keeper.write('7K3M-ABCD', 60_000);
    expect(board.text).toBe('7K3M-ABCD');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(board.text).toBe('7K3M-ABCD');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(board.text).toBe('');
    expect(keeper.holding()).toBe(false);
  });

  it('leaves what the user copied since alone', async () => {
    const board = memoryClipboard();
    const keeper = createClipboardKeeper(board);
    await keeper.write('sha256 of item 4', 1_000);
    board.text = 'something the analyst copied';
    await vi.advanceTimersByTimeAsync(2_000);
    expect(board.text).toBe('something the analyst copied');
  });

  it('takes the copy back at once on lock or quit, and only tracks the latest copy', async () => {
    const board = memoryClipboard();
    const keeper = createClipboardKeeper(board);
    await keeper.write('first', 60_000);
    await keeper.write('second', 60_000);
    expect(keeper.holding()).toBe(true);
    await keeper.takeBack();
    expect(board.text).toBe('');
    expect(keeper.holding()).toBe(false);
    await keeper.takeBack();
  });

  it('decides to clear only on an exact match', () => {
    expect(shouldClear('abc', 'abc')).toBe(true);
    expect(shouldClear('abc ', 'abc')).toBe(false);
    expect(shouldClear('', '')).toBe(false);
  });
});

describe('dialogs', () => {
  it('offers screenshots first for evidence, a zip or an encrypted .zip.age for a package, one JSON for a roster', () => {
    expect(openDialogOptions('evidence', true)).toMatchObject({
      properties: ['openFile', 'multiSelections'],
      filters: FILE_FILTERS.evidence,
    });
    expect(FILE_FILTERS.evidence[0]!.extensions).toEqual(expect.arrayContaining(['png', 'jpg', 'mp4', 'pdf']));
    expect(FILE_FILTERS.evidence.at(-1)!.extensions).toEqual(['*']);
    expect(openDialogOptions('package', true)).toMatchObject({
      properties: ['openFile'],
      filters: [{ extensions: ['zip', 'age'] }],
    });
    expect(openDialogOptions('roster', false)).toMatchObject({
      properties: ['openFile'],
      filters: [{ extensions: ['json'] }],
    });
  });

  it('starts the export dialog in Documents, or in the first folder the policy allows', () => {
    expect(saveDialogOptions('JJK-2026-11-0001.zip', { documentsDir: '/home/sari/Documents' }).defaultPath).toBe(
      '/home/sari/Documents/JJK-2026-11-0001.zip',
    );
    expect(
      saveDialogOptions('JJK-1.zip', {
        documentsDir: '/home/sari/Documents',
        allowedFolders: ['/srv/ekspor', '/mnt/b'],
      }).defaultPath,
    ).toBe('/srv/ekspor/JJK-1.zip');
    expect(saveDialogOptions('JJK-1.zip', { documentsDir: '/d' }).filters).toEqual([
      { name: 'Jejak package', extensions: ['zip'] },
    ]);
    expect(saveDialogOptions('JJK-1.zip.age', { documentsDir: '/d' })).toMatchObject({
      defaultPath: '/d/JJK-1.zip.age',
      filters: [{ extensions: ['age'] }],
    });
  });

  it('saves a transparency report as CSV or PDF, where the policy allows, keeping only a file name', () => {
    expect(
      reportDialogOptions('../../jejak-transparansi-2026-11-01_2026-11-30.pdf', 'pdf', {
        documentsDir: '/home/sari/Documents',
        allowedFolders: ['/srv/ekspor'],
      }),
    ).toMatchObject({
      defaultPath: '/srv/ekspor/jejak-transparansi-2026-11-01_2026-11-30.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(withReportExtension('/home/sari/laporan', 'csv')).toBe('/home/sari/laporan.csv');
    expect(withReportExtension('/home/sari/laporan.PDF', 'pdf')).toBe('/home/sari/laporan.PDF');
  });

  it('keeps only a file name from the window, and always a .zip', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd.zip');
    expect(safeFileName('..\\..\\Windows\\evil.zip')).toBe('evil.zip');
    expect(safeFileName('JJK/2026/11/0001')).toBe('0001.zip');
    expect(safeFileName('C:kasus.zip')).toBe('kasus.zip');
    expect(safeFileName('a|b?.zip')).toBe('a_b_.zip');
    expect(safeFileName('..')).toBe('jejak-package.zip');
    expect(withZipExtension('/home/sari/kasus')).toBe('/home/sari/kasus.zip');
    expect(withZipExtension('/home/sari/kasus.ZIP')).toBe('/home/sari/kasus.ZIP');
    expect(safeFileName('JJK-1.zip.age')).toBe('JJK-1.zip.age');
    expect(withZipExtension('/home/sari/kasus', 'JJK-1.zip.age')).toBe('/home/sari/kasus.zip.age');
    expect(withZipExtension('/home/sari/kasus.zip', 'JJK-1.zip.age')).toBe('/home/sari/kasus.zip.age');
    expect(withZipExtension('/home/sari/kasus.zip.age', 'JJK-1.zip.age')).toBe('/home/sari/kasus.zip.age');
  });
});

describe('capture geometry', () => {
  const displays = [
    { id: 1, size: { width: 1920, height: 1080 }, scaleFactor: 1 },
    { id: 2, size: { width: 1440, height: 900 }, scaleFactor: 2 },
  ];

  it('asks for a screen at its size in physical pixels', () => {
    expect(fullResolution(displays, '2')).toEqual({ width: 2880, height: 1800 });
    expect(fullResolution(displays, '1')).toEqual({ width: 1920, height: 1080 });
  });

  it('asks for a window at the largest display size (a window fits on a screen)', () => {
    expect(fullResolution(displays)).toEqual({ width: 2880, height: 1800 });
    expect(fullResolution(displays, 'gone')).toEqual({ width: 2880, height: 1800 });
  });

  it('tells screens from windows by their source id', () => {
    expect(sourceKind('screen:0:0')).toBe('screen');
    expect(sourceKind('window:1234:0')).toBe('window');
  });
});
