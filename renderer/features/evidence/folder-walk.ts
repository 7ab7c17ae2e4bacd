/**
 * Dropped folders in the browser: DataTransferItem.webkitGetAsEntry gives a tree of entries;
 * walk it into files with their path inside the drop. readEntries answers in batches (about 100
 * at a time in Chromium) and must be called until it returns an empty batch.
 */
export interface WalkedFile {
  file: File;
  /** the path inside what was dropped, e.g. "screenshots/2026-03/a.png" */
  path: string;
}

export interface WalkResult {
  files: WalkedFile[];
  /** files left out on purpose (hidden files, OS thumbnail caches) and entries that could not be read */
  skipped: Array<{ path: string; reason: 'hidden' | 'unreadable' }>;
}

/** OS bookkeeping, never evidence: dotfiles (.DS_Store), Windows thumbnail caches and folder settings. */
export function isSystemFile(name: string): boolean {
  return name.startsWith('.') || /^(thumbs\.db|desktop\.ini|ehthumbs\.db)$/i.test(name);
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await readBatch(reader);
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

const relative = (entry: FileSystemEntry) => entry.fullPath.replace(/^\/+/, '') || entry.name;

export async function walkEntries(entries: readonly FileSystemEntry[], limit = 10_000): Promise<WalkResult> {
  const result: WalkResult = { files: [], skipped: [] };
  const queue = [...entries];
  while (queue.length > 0 && result.files.length < limit) {
    const entry = queue.shift()!;
    if (isSystemFile(entry.name)) {
      result.skipped.push({ path: relative(entry), reason: 'hidden' });
    } else if (entry.isDirectory) {
      try {
        const children = await readAll(entry as FileSystemDirectoryEntry);
        children.sort((a, b) => a.name.localeCompare(b.name));
        queue.push(...children);
      } catch {
        result.skipped.push({ path: relative(entry), reason: 'unreadable' });
      }
    } else if (entry.isFile) {
      try {
        result.files.push({ file: await fileOf(entry as FileSystemFileEntry), path: relative(entry) });
      } catch {
        result.skipped.push({ path: relative(entry), reason: 'unreadable' });
      }
    }
  }
  return result;
}

/**
 * The entries of a drop, taken synchronously: the DataTransfer is emptied as soon as the drop
 * handler returns, so this must run inside it, before any await.
 */
export function entriesOfDrop(items: DataTransferItemList): { entries: FileSystemEntry[]; files: File[] } {
  const entries: FileSystemEntry[] = [];
  const files: File[] = [];
  for (const item of Array.from(items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) files.push(file);
    }
  }
  return { entries, files };
}
