import { JejakError } from '../errors';
import { isMetadata, isValidBagName } from './bag-names';
import { compareBytes, concatBytes } from './bytes';
import { CheckList, type FileFacts } from './checks';
import { foldName, pathProblem } from './entry-checks';
import { checkContents, type Inspection, type VerifyLimits } from './inspect';
import { throwIfAborted, type OperationOptions } from './operation';
import { type Phrase, say } from './phrases';
import { errorCode, type FolderEntryKind, type FolderSource, type Platform } from './platform';

/**
 * An unzipped bag, checked like its ZIP. What only a ZIP has (central directory, compression, CRC)
 * gives way to what only a folder has: links and special files are refused, never followed; names
 * must be UTF-8, NFC, safe and free of case or Unicode twins; every file is read whole, once.
 */

export interface FolderInspectOptions extends OperationOptions {
  limits: VerifyLimits;
  /** read only the metadata and this file, keeping its bytes (to show it); default: read every file */
  capture?: { path: string; maxBytes: number };
}

interface Walk {
  structure: Phrase[];
  names: Phrase[];
  types: Phrase[];
  unique: Phrase[];
  /** bag path → size, for regular files whose path passed every check */
  files: Map<string, number>;
  folders: string[];
  /** more entries than the limit: the walk stopped */
  tooMany: boolean;
}

const CHUNK = 1 << 20;
const label = (path: string): string => JSON.stringify(path);
/** ""PATH" PROBLEM" */
const about = (path: string, problem: Phrase): Phrase => say('check.path', { path: label(path), problem });

export async function inspectFolder(
  folder: FolderSource,
  platform: Platform,
  opts: FolderInspectOptions,
): Promise<Inspection> {
  const checks = new CheckList();
  const name = folder.name;
  const result: Inspection = { checks, entries: [], statements: [], timestamps: [], files: new Map(), name };
  const walk = await walkBag(folder, opts.limits.maxEntries);
  result.entries = [
    ...walk.folders.map((f) => `${name}/${f}/`),
    ...[...walk.files.keys()].map((f) => `${name}/${f}`),
  ].sort();
  checks.add(
    'folder-structure',
    walk.structure,
    say('check.folderWalk.ok', { files: walk.files.size, folders: walk.folders.length + 1 }),
  );
  const limits = limitProblems(walk, opts.limits);
  checks.add('folder-limits', limits, say('check.folderLimits.ok'));
  checks.add('entry-names', walk.names, say('check.name.ok'));
  checks.add('entry-types', walk.types, say('check.type.okFolder'));
  checks.add('entry-unique', walk.unique, say('check.unique.okFolder'));
  checks.add(
    'single-folder',
    isValidBagName(name) ? [] : [say('check.folder.badFolderName', { name: label(name) })],
    say('check.folder.okFolder', { name: label(name) }),
  );
  if (limits.length > 0) return result;
  checks.add(
    'folder-data',
    await readFiles(folder, walk.files, result.files, platform, opts),
    say('check.folderData.ok'),
  );
  return checkContents(result, isValidBagName(name) ? name : undefined, platform);
}

async function walkBag(folder: FolderSource, maxEntries: number): Promise<Walk> {
  const name = folder.name;
  const walk: Walk = { structure: [], names: [], types: [], unique: [], files: new Map(), folders: [], tooMany: false };
  const folded = new Map<string, string>();
  let count = 0;
  const queue = [''];
  for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) {
    let names: Uint8Array[];
    try {
      names = await folder.list(dir);
    } catch (err) {
      walk.structure.push(say('check.folderWalk.unreadableFolder', { path: label(dir || '.'), code: errorCode(err) }));
      continue;
    }
    // Sorted, so which of two twins is reported does not depend on the file system's order.
    for (const raw of names.sort(compareBytes)) {
      if ((count += 1) > maxEntries) {
        walk.tooMany = true;
        return walk;
      }
      let own: string;
      try {
        own = new TextDecoder('utf-8', { fatal: true }).decode(raw);
      } catch {
        walk.names.push(say('check.name.folderNotUtf8', { path: label(dir || '.') }));
        continue;
      }
      const path = dir ? `${dir}/${own}` : own;
      const problem = pathProblem(`${name}/${path}`);
      if (problem) walk.names.push(about(path, problem));
      const twin = folded.get(foldName(path));
      if (twin !== undefined)
        walk.unique.push(say('check.unique.folderTwins', { first: label(twin), second: label(path) }));
      else folded.set(foldName(path), path);
      let info: { kind: FolderEntryKind; size: number };
      try {
        info = await folder.stat(path);
      } catch (err) {
        walk.structure.push(about(path, say('check.folderWalk.unreadable', { code: errorCode(err) })));
        continue;
      }
      if (info.kind === 'link') walk.types.push(about(path, say('check.type.link')));
      else if (info.kind === 'folder') {
        walk.folders.push(path);
        if (!problem) queue.push(path);
      } else if (info.kind !== 'file') walk.types.push(about(path, say('check.type.notRegular')));
      else if (!problem && twin === undefined) walk.files.set(path, info.size);
    }
  }
  // The folder twin of a ZIP's folder entry for no file: an empty folder would be one when zipped.
  const holding = new Set<string>();
  for (const f of walk.files.keys())
    for (let at = f.indexOf('/'); at > 0; at = f.indexOf('/', at + 1)) holding.add(f.slice(0, at));
  for (const f of walk.folders) if (!holding.has(f)) walk.types.push(about(`${f}/`, say('check.type.emptyFolder')));
  return walk;
}

function limitProblems(walk: Walk, limits: VerifyLimits): Phrase[] {
  const problems: Phrase[] = [];
  if (walk.tooMany) problems.push(say('check.folderLimits.entries', { limit: limits.maxEntries }));
  const total = [...walk.files.values()].reduce((sum, size) => sum + size, 0);
  if (total > limits.maxTotalBytes)
    problems.push(say('check.folderLimits.total', { bytes: total, limit: limits.maxTotalBytes }));
  const metadata = [...walk.files].filter(([path]) => isMetadata(path)).reduce((sum, [, size]) => sum + size, 0);
  if (metadata > limits.maxMetadataBytes)
    problems.push(say('check.folderLimits.metadata', { bytes: metadata, limit: limits.maxMetadataBytes }));
  return problems;
}

async function readFiles(
  folder: FolderSource,
  sizes: Map<string, number>,
  files: Map<string, FileFacts>,
  platform: Platform,
  opts: FolderInspectOptions,
): Promise<Phrase[]> {
  const problems: Phrase[] = [];
  const bytesTotal = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  let bytesDone = 0;
  const capture = opts.capture;
  const captured = capture && sizes.get(capture.path);
  if (capture && captured !== undefined && captured > capture.maxBytes) {
    throw new JejakError(
      'INVALID_INPUT',
      `${capture.path} is ${captured} bytes, more than the ${capture.maxBytes} that can be shown.`,
    );
  }
  for (const [path, size] of [...sizes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const keep = isMetadata(path) || path === capture?.path;
    if (capture && !keep) {
      files.set(path, { size, state: 'skipped' });
      continue;
    }
    const chunks: Uint8Array[] = [];
    const sha256 = platform.sha256();
    const sha512 = platform.sha512(size);
    let problem: Phrase | null = null;
    let read = 0;
    try {
      // A file swapped for a link after the walk is refused, not followed.
      const file = await folder.open(path);
      if (!file) problem = say('check.folderData.notAFile');
      try {
        for (let n = -1; file && !problem && n !== 0;) {
          throwIfAborted(opts.signal);
          const chunk = await file.read(read, CHUNK);
          n = chunk.length;
          await sha256.update(chunk);
          await sha512.update(chunk);
          if (keep) chunks.push(chunk);
          read += n;
          bytesDone += n;
          opts.onProgress?.({ bytesDone, bytesTotal, file: path });
        }
      } finally {
        await file?.close();
      }
    } catch (err) {
      if (err instanceof JejakError) {
        // finished all the same: a hash left open would keep its worker busy
        await Promise.allSettled([sha256.digest(), sha512.digest()]);
        throw err;
      }
      problem = say('check.folderData.unreadable', { code: errorCode(err) });
    }
    if (!problem && read !== size) problem = say('check.folderData.changed', { read, size });
    if (problem) problems.push(say('check.path', { path, problem }));
    const digest512 = await sha512.digest();
    files.set(path, {
      size,
      state: problem ? 'failed' : 'read',
      sha256: await sha256.digest(),
      sha512: digest512,
      ...(keep && !problem ? { bytes: concatBytes(chunks) } : {}),
    });
  }
  return problems;
}
