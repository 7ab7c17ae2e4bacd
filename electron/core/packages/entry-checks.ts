import { isValidBagName } from './bag-names';
import { utf8 } from './bytes';
import { type Phrase, say } from './phrases';
import { entryLabel, entryPhrase, type ZipEntry } from './zip-read';

/**
 * What a hostile archive could do to whoever extracts it: escape the target folder, plant a link,
 * hide a second name, or have two entries land on one file (case- or Unicode-equal names on
 * Windows and macOS). Checked from the central directory alone, before any data is read.
 */

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const DOS_DIRECTORY = 0x10;
/** set by Windows on everything it writes; says nothing about the entry */
const DOS_ARCHIVE = 0x20;
/** Packages nest four deep; a limit also keeps the folder-prefix checks below linear. */
const MAX_DEPTH = 16;

export interface EntryCheckResult {
  names: Phrase[];
  types: Phrase[];
  unique: Phrase[];
  folder: Phrase[];
  /** the single top-level folder, when there is one */
  bagName?: string;
  /** entries that passed every check, by path inside the bag folder */
  files: Map<string, ZipEntry>;
}

/** Control characters, bidirectional overrides (names that display reversed), and what Windows forbids. */
function hasUnsafeChar(name: string): boolean {
  for (const ch of name) {
    const c = ch.codePointAt(0) as number;
    if (
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069) ||
      '<>:"|?*'.includes(ch)
    )
      return true;
  }
  return false;
}

function decodeName(e: ZipEntry): string | null {
  if (e.flags & 0x0800) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(e.nameRaw);
    } catch {
      return null;
    }
  }
  // Without the UTF-8 flag a name is CP437; only its ASCII subset reads the same everywhere.
  return e.nameRaw.every((b) => b < 0x80) ? utf8(e.nameRaw) : null;
}

/** The rules for one relative path, wherever it comes from (a ZIP entry, a file in an unzipped bag). */
export function pathProblem(name: string): Phrase | null {
  if (name === '') return say('check.name.empty');
  if (name.includes('\\')) return say('check.name.backslash');
  if (name.startsWith('/')) return say('check.name.absolute');
  if (/^[A-Za-z]:/.test(name)) return say('check.name.drive');
  if (hasUnsafeChar(name)) return say('check.name.unsafeChar');
  if (name !== name.normalize('NFC')) return say('check.name.notNfc');
  const segments = name.split('/');
  if (segments.includes('..') || segments.includes('.')) return say('check.name.dotSegment');
  if (segments.includes('')) return say('check.name.emptySegment');
  if (segments.length > MAX_DEPTH) return say('check.name.tooDeep', { depth: MAX_DEPTH });
  return null;
}

/** Two names that land on one file on Windows or macOS: equal ignoring letter case and Unicode form. */
export const foldName = (name: string): string => name.normalize('NFC').toLowerCase();

function nameProblem(e: ZipEntry, name: string | null): Phrase | null {
  if (name === null) return say('check.name.notUtf8');
  if (e.unicodePathField) return say('check.name.unicodePath');
  // A folder entry ("a/b/") is judged by its path; whether it is plain is folderProblem's job.
  return pathProblem(name.endsWith('/') ? name.slice(0, -1) : name);
}

function typeProblem(e: ZipEntry): Phrase | null {
  const type = (e.externalAttributes >>> 16) & S_IFMT;
  if (type === S_IFLNK) return say('check.type.link');
  if (type === S_IFDIR || e.externalAttributes & DOS_DIRECTORY) return say('check.type.directoryName');
  if (type !== 0 && type !== S_IFREG) return say('check.type.notRegular');
  return null;
}

/**
 * A folder entry, as `zip -r`, Python's zipfile, 7-Zip or Windows add when a bag is zipped again, is
 * accepted only when it is plain: no data, and attributes that say "directory" and nothing more
 * (no link or file type, no set-id or sticky bit, no hidden or system flag).
 */
function folderProblem(e: ZipEntry): Phrase | null {
  if (e.uncompressedSize !== 0 || e.compressedSize !== 0 || e.crc32 !== 0) return say('check.type.folderData');
  const unix = e.externalAttributes >>> 16;
  if (unix !== 0 && ((unix & S_IFMT) !== S_IFDIR || unix & 0o7000)) return say('check.type.folderAttributes');
  if (e.externalAttributes & 0xff & ~(DOS_DIRECTORY | DOS_ARCHIVE)) return say('check.type.folderDos');
  return null;
}

export function checkEntries(entries: readonly ZipEntry[]): EntryCheckResult {
  const result: EntryCheckResult = { names: [], types: [], unique: [], folder: [], files: new Map() };
  const byExact = new Map<string, ZipEntry>();
  const byFolded = new Map<string, string>();
  const safe: Array<{ e: ZipEntry; name: string }> = [];
  const folders: Array<{ e: ZipEntry; name: string }> = [];
  for (const e of entries) {
    const name = decodeName(e);
    const problem = nameProblem(e, name);
    if (problem) result.names.push(entryPhrase(e, problem));
    const isFolder = name?.endsWith('/') ?? false;
    const type = isFolder ? folderProblem(e) : typeProblem(e);
    if (type) result.types.push(entryPhrase(e, type));
    if (name === null) continue;
    if (byExact.has(name)) {
      result.unique.push(entryPhrase(e, say('check.unique.repeated')));
      continue;
    }
    byExact.set(name, e);
    if (isFolder) {
      if (!problem && !type) folders.push({ e, name: name.slice(0, -1) });
      continue;
    }
    const folded = foldName(name);
    const twin = byFolded.get(folded);
    if (twin !== undefined)
      result.unique.push(say('check.unique.twins', { first: JSON.stringify(twin), second: entryLabel(e) }));
    else byFolded.set(folded, name);
    if (!problem && !type && twin === undefined) safe.push({ e, name });
  }
  const fileAndFolder = new Set<string>();
  for (const folded of byFolded.keys()) {
    const parts = folded.split('/');
    for (let i = 1; i < Math.min(parts.length, MAX_DEPTH); i++) {
      const parent = byFolded.get(parts.slice(0, i).join('/'));
      if (parent !== undefined) fileAndFolder.add(parent);
    }
  }
  for (const name of fileAndFolder)
    result.unique.push(say('check.entry', { entry: JSON.stringify(name), problem: say('check.unique.fileAndFolder') }));
  result.types.push(...foldersOfNoFile(folders, safe));
  checkFolder(entries, safe, result);
  return result;
}

/** A folder entry must be a folder some file of the archive lies in (the bag folder among them). */
function foldersOfNoFile(
  folders: ReadonlyArray<{ e: ZipEntry; name: string }>,
  files: ReadonlyArray<{ name: string }>,
): Phrase[] {
  const ancestors = new Set<string>();
  for (const { name } of files) {
    for (let at = name.indexOf('/'); at > 0; at = name.indexOf('/', at + 1)) ancestors.add(name.slice(0, at));
  }
  return folders.filter((f) => !ancestors.has(f.name)).map((f) => entryPhrase(f.e, say('check.type.folderOfNothing')));
}

function checkFolder(
  entries: readonly ZipEntry[],
  safe: Array<{ e: ZipEntry; name: string }>,
  result: EntryCheckResult,
): void {
  const first = entries[0];
  if (!first) {
    result.folder.push(say('check.folder.emptyArchive'));
    return;
  }
  const top = utf8(first.nameRaw).split('/')[0] ?? '';
  if (!isValidBagName(top)) result.folder.push(say('check.folder.badName', { name: JSON.stringify(top) }));
  else result.bagName = top;
  const outside = entries.filter((e) => !utf8(e.nameRaw).startsWith(`${top}/`));
  if (outside.length > 0) {
    result.folder.push(
      say('check.folder.outside', {
        count: outside.length,
        name: JSON.stringify(top),
        example: entryLabel(outside[0] as ZipEntry),
      }),
    );
  }
  if (!result.bagName) return;
  for (const { e, name } of safe) {
    if (name.startsWith(`${top}/`)) result.files.set(name.slice(top.length + 1), e);
  }
}
