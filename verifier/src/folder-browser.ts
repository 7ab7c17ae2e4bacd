import { utf8Bytes } from '../../electron/core/packages/bytes';
import type { FolderSource } from '../../electron/core/packages/platform';
import { blobSource } from './platform-browser';

/**
 * An unzipped bag folder the recipient gave the page: dropped (File System entries, read folder by
 * folder as the walk asks) or picked (an <input webkitdirectory> list of files with their relative
 * paths). A browser shows neither links nor special files; a picked folder also hides empty folders.
 */

interface Item {
  kind: 'file' | 'folder';
  /** a file's bytes, as the browser gives them now */
  file?: () => Promise<File>;
  /** a folder's children, by name */
  children?: () => Promise<Array<[string, Item]>>;
}

/** What a FolderSource throws: the browser's error name as its code (NotFoundError, NotReadableError…). */
function coded(err: unknown): Error {
  const name = err instanceof Error ? err.name : 'Error';
  return Object.assign(new Error(err instanceof Error ? err.message : String(err)), { code: name });
}

function folderOf(name: string, root: Item): FolderSource {
  const items = new Map<string, Item>([['', root]]);
  const item = (path: string): Item => {
    const found = items.get(path);
    if (!found) throw coded(Object.assign(new Error(`${path} is not in the folder`), { name: 'NotFoundError' }));
    return found;
  };
  return {
    name,
    async list(dir) {
      const children = await item(dir)
        .children?.()
        .catch((err: unknown) => Promise.reject(coded(err)));
      if (!children) throw coded(Object.assign(new Error(`${dir} is not a folder`), { name: 'TypeMismatchError' }));
      for (const [child, it] of children) items.set(dir ? `${dir}/${child}` : child, it);
      return children.map(([child]) => utf8Bytes(child));
    },
    async stat(path) {
      const it = item(path);
      if (it.kind === 'folder') return { kind: 'folder', size: 0 };
      const file = await it.file?.().catch((err: unknown) => Promise.reject(coded(err)));
      return { kind: 'file', size: file?.size ?? 0 };
    },
    async open(path) {
      const it = items.get(path);
      if (it?.kind !== 'file' || !it.file) return null;
      const file = await it.file().catch((err: unknown) => Promise.reject(coded(err)));
      return { ...blobSource(file), close: async () => undefined };
    },
  };
}

function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    // readEntries gives a batch at a time (100 in Chromium) until it gives none.
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function entryItem(entry: FileSystemEntry): Item {
  if (entry.isDirectory) {
    return {
      kind: 'folder',
      children: async () =>
        (await readAllEntries(entry as FileSystemDirectoryEntry)).map((e) => [e.name, entryItem(e)]),
    };
  }
  const file = () => new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
  return { kind: 'file', file };
}

/** A folder dropped on the page. */
export function droppedFolder(entry: FileSystemDirectoryEntry): FolderSource {
  return folderOf(entry.name, entryItem(entry));
}

/** A folder picked with <input webkitdirectory>: every file, named by its path from the picked folder. */
export function pickedFolder(files: readonly File[]): FolderSource | null {
  const root = files[0]?.webkitRelativePath.split('/')[0];
  if (!root) return null;
  const folders = new Map<string, Map<string, Item>>([['', new Map()]]);
  const folderItem = (path: string): Item => ({
    kind: 'folder',
    children: async () => [...(folders.get(path) ?? new Map<string, Item>())],
  });
  for (const file of files) {
    const parts = file.webkitRelativePath.split('/');
    if (parts[0] !== root) return null;
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(1, i).join('/');
      const path = parts.slice(1, i + 1).join('/');
      const isFile = i === parts.length - 1;
      if (!isFile && !folders.has(path)) folders.set(path, new Map());
      folders
        .get(parent)
        ?.set(parts[i] as string, isFile ? { kind: 'file', file: async () => file } : folderItem(path));
    }
  }
  return folderOf(root, folderItem(''));
}
