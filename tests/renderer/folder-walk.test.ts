import { describe, expect, it } from 'vitest';
import { isSystemFile, walkEntries } from '../../renderer/features/evidence/folder-walk';

/** A tree of entries shaped like the browser's FileSystemEntry API (readEntries answers in batches). */
type Tree = { [name: string]: Tree | string | Error };

function entry(name: string, node: Tree | string | Error, parent = ''): FileSystemEntry {
  const fullPath = `${parent}/${name}`;
  if (typeof node === 'string' || node instanceof Error) {
    return {
      name,
      fullPath,
      isFile: true,
      isDirectory: false,
      file: (ok: (f: File) => void, fail: (e: Error) => void) =>
        node instanceof Error ? fail(node) : ok(new File([node], name)),
    } as unknown as FileSystemEntry;
  }
  const children = Object.entries(node).map(([n, child]) => entry(n, child, fullPath));
  return {
    name,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let offset = 0;
      return {
        readEntries: (ok: (batch: FileSystemEntry[]) => void) => {
          const batch = children.slice(offset, offset + 2);
          offset += batch.length;
          setTimeout(() => ok(batch), 0);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

describe('walking dropped folders', () => {
  it('finds every file in nested folders, reading directories batch after batch', async () => {
    const drop = [
      entry('bukti', {
        'c.png': 'c',
        'a.png': 'a',
        'b.jpg': 'b',
        maret: { 'd.png': 'd', dalam: { 'e.webp': 'e' } },
        kosong: {},
      }),
      entry('lepas.png', 'x'),
    ];
    const { files, skipped } = await walkEntries(drop);
    expect(files.map((f) => f.path).sort()).toEqual([
      'bukti/a.png',
      'bukti/b.jpg',
      'bukti/c.png',
      'bukti/maret/d.png',
      'bukti/maret/dalam/e.webp',
      'lepas.png',
    ]);
    expect(skipped).toEqual([]);
    expect(await files.find((f) => f.path === 'bukti/maret/d.png')!.file.text()).toBe('d');
  });

  it('leaves out OS bookkeeping files and reports what it skipped', async () => {
    const { files, skipped } = await walkEntries([
      entry('f', { '.DS_Store': 'x', 'Thumbs.db': 'x', 'ok.png': 'y', rusak: new Error('gone') }),
    ]);
    expect(files.map((f) => f.path)).toEqual(['f/ok.png']);
    expect(skipped).toEqual([
      { path: 'f/.DS_Store', reason: 'hidden' },
      { path: 'f/rusak', reason: 'unreadable' },
      { path: 'f/Thumbs.db', reason: 'hidden' },
    ]);
  });

  it('stops at the limit', async () => {
    const many: Tree = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${i}.png`, String(i)]));
    expect((await walkEntries([entry('f', many)], 10)).files).toHaveLength(10);
  });

  it('knows system files by name', () => {
    expect(['.hidden', 'desktop.ini', 'THUMBS.DB', 'ehthumbs.db'].every(isSystemFile)).toBe(true);
    expect(['screenshot.png', 'thumbs.png'].some(isSystemFile)).toBe(false);
  });
});
