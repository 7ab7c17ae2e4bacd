import { type Hash, createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { JejakError } from '../errors';
import {
  ARCHIVE_HASH_FILE,
  type BackupInfo,
  BACKUP_VERSION,
  type EntryKind,
  INFO_FILE,
  MANIFEST_FILE,
  backupInfoSchema,
  kindOf,
  mayFollow,
  parseManifest,
} from './backup-manifest';
import { BLOCK, parseHeader } from './backup-tar';

const CHUNK = 1024 * 1024;
/** Entries read into memory are small; these bounds keep a damaged size field from asking for more. */
const IN_MEMORY_LIMIT: Partial<Record<EntryKind, number>> = {
  info: 64 * 1024,
  header: 1024 * 1024,
  manifest: 512 * 1024 * 1024,
  'archive-hash': 65,
};

export interface BackupEntry {
  name: string;
  size: number;
  sha256: string;
}

export interface BackupContents {
  info: BackupInfo;
  entries: BackupEntry[];
  archiveSha256: string;
  bytes: number;
}

export interface ReadBackupOptions {
  /** write vault.json, jejak.db and the blobs into this (existing, empty) folder as they are read */
  extractTo?: string;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

/** What failed, by name; the message lists every finding. */
export function backupDamaged(file: string, findings: string[]): JejakError {
  return new JejakError('INTEGRITY', `The backup ${basename(file)} failed its check: ${findings.join('; ')}.`, {
    findings,
  });
}

/** Reads a file front to back in 1 MiB pieces. */
class Sequential {
  position = 0;
  private buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  /** Called only when the buffer is used up. */
  private async fill(): Promise<boolean> {
    const want = Math.min(CHUNK, this.size - this.offset);
    if (want <= 0) return false;
    const next = Buffer.allocUnsafe(want);
    const { bytesRead } = await this.handle.read(next, 0, want, this.offset);
    this.offset += bytesRead;
    this.buffer = next.subarray(0, bytesRead);
    return bytesRead > 0;
  }

  /** Up to `max` bytes (at least one), or null at the end of the file. */
  async piece(max: number): Promise<Buffer | null> {
    if (this.buffer.length === 0 && !(await this.fill())) return null;
    const out = this.buffer.subarray(0, Math.min(max, this.buffer.length));
    this.buffer = this.buffer.subarray(out.length);
    this.position += out.length;
    return out;
  }

  async exactly(n: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    for (let got = 0; got < n;) {
      const part = await this.piece(n - got);
      if (!part) return null;
      parts.push(part);
      got += part.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }
}

/**
 * Reads a backup front to back and checks all of it: the tar structure (every header's checksum,
 * the order of the entries, zero padding, nothing after the end), every file against the
 * manifest, and every byte against the archive hash. With `extractTo` the vault's files are
 * written there as they stream by; the caller discards them if this throws.
 */
export async function readBackup(file: string, opts: ReadBackupOptions = {}): Promise<BackupContents> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    throw new JejakError('UNREADABLE', `Cannot read the backup ${file}.`);
  }
  try {
    const src = new Sequential(handle, (await handle.stat()).size);
    return await readEntries(file, src, opts);
  } finally {
    await handle.close();
  }
}

async function readEntries(file: string, src: Sequential, opts: ReadBackupOptions): Promise<BackupContents> {
  const fail = (what: string) => backupDamaged(file, [what]);
  const archive = createHash('sha256');
  const entries: BackupEntry[] = [];
  const kept = new Map<EntryKind, Buffer>();
  let previous: EntryKind | null = null;
  for (;;) {
    if (opts.signal?.aborted) throw new JejakError('CANCELLED', 'Cancelled.');
    const at = src.position;
    const block = await src.exactly(BLOCK);
    if (!block) throw fail(`it ends at byte ${at}, before the end of the archive`);
    if (block.every((b) => b === 0)) {
      const second = await src.exactly(BLOCK);
      if (!second || !second.every((b) => b === 0)) throw fail(`the tar header at byte ${at} is blank`);
      if (previous !== 'archive-hash')
        throw fail(`it ends at byte ${at}, before ${previous === 'manifest' ? ARCHIVE_HASH_FILE : MANIFEST_FILE}`);
      if (src.position !== src.size) throw fail(`${src.size - src.position} bytes follow the end of the archive`);
      break;
    }
    const header = parseHeader(block);
    if (typeof header === 'string') throw fail(`the tar header at byte ${at} is damaged (${header})`);
    const kind = kindOf(header.name);
    if (!kind) throw fail(`an unexpected entry "${header.name}" at byte ${at}`);
    if (!mayFollow(previous, kind)) throw fail(`${header.name} is out of place at byte ${at}`);
    const limit = IN_MEMORY_LIMIT[kind];
    if (limit !== undefined && header.size > limit)
      throw fail(`${header.name} is larger than any Jejak writes (${header.size} bytes)`);
    const hashed = kind !== 'archive-hash';
    if (hashed) archive.update(block);
    const extract =
      opts.extractTo && (kind === 'header' || kind === 'database' || kind === 'blob')
        ? join(opts.extractTo, header.name)
        : undefined;
    const content = await readContent(src, header.size, {
      archive: hashed ? archive : undefined,
      keep: limit !== undefined,
      extract,
      ...opts,
    });
    if (!content) throw fail(`it ends inside ${header.name}`);
    const pad = (BLOCK - (header.size % BLOCK)) % BLOCK;
    const zeros = await src.exactly(pad);
    if (!zeros) throw fail(`it ends inside ${header.name}`);
    if (!zeros.every((b) => b === 0)) throw fail(`the padding after ${header.name} is not zero`);
    if (hashed) archive.update(zeros);
    if (content.memory) kept.set(kind, content.memory);
    if (kind !== 'manifest' && kind !== 'archive-hash')
      entries.push({ name: header.name, size: header.size, sha256: content.sha256 });
    previous = kind;
  }
  // Every byte is checked before any of it is believed (a flipped version digit is damage, not news).
  const archiveSha256 = archive.digest('hex');
  const findings = compareManifest(entries, kept.get('manifest')!.toString('utf8'));
  if (kept.get('archive-hash')!.toString('utf8') !== `${archiveSha256}\n`)
    findings.push(
      `${ARCHIVE_HASH_FILE} does not match the archive (a byte changed outside the files or in the manifest)`,
    );
  if (findings.length) throw backupDamaged(file, findings);
  const info = parseInfo(kept.get('info'));
  if (!info) throw fail(`${INFO_FILE} does not describe a Jejak backup`);
  if (info.version > BACKUP_VERSION)
    throw new JejakError(
      'VAULT_FROM_FUTURE',
      `This backup was made by a newer Jejak (backup format ${info.version}); update Jejak to restore it.`,
    );
  const blobs = entries.filter((e) => kindOf(e.name) === 'blob').length;
  if (blobs !== info.blobs) throw fail(`${INFO_FILE} lists ${info.blobs} originals, the archive holds ${blobs}`);
  return { info, entries, archiveSha256, bytes: src.size };
}

function parseInfo(bytes: Buffer | undefined): BackupInfo | null {
  try {
    const parsed = backupInfoSchema.safeParse(JSON.parse(bytes?.toString('utf8') ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function compareManifest(entries: readonly BackupEntry[], text: string): string[] {
  const listed = parseManifest(text);
  if (!listed) return [`${MANIFEST_FILE} is not in sha256sum form`];
  const expected = new Map(listed.map((l) => [l.name, l.sha256]));
  const findings: string[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.name)) findings.push(`${e.name} appears twice`);
    seen.add(e.name);
    const sha256 = expected.get(e.name);
    if (sha256 === undefined) findings.push(`${e.name} is not in ${MANIFEST_FILE}`);
    else if (sha256 !== e.sha256) findings.push(`${e.name} does not match its SHA-256 in ${MANIFEST_FILE}`);
  }
  for (const name of expected.keys())
    if (!seen.has(name)) findings.push(`${name} is in ${MANIFEST_FILE} but not in the archive`);
  if (expected.size !== listed.length) findings.push(`${MANIFEST_FILE} lists a file twice`);
  return findings;
}

interface Content {
  sha256: string;
  /** the bytes, for the small entries read into memory */
  memory?: Buffer;
}

interface ContentOptions extends ReadBackupOptions {
  /** the running archive hash, fed each piece as it passes */
  archive?: Hash;
  keep: boolean;
  extract?: string;
}

/** One entry's bytes: hashed, fed to the archive hash, written out or kept; null if the file ends first. */
async function readContent(src: Sequential, size: number, opts: ContentOptions): Promise<Content | null> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let out: FileHandle | undefined;
  if (opts.extract) {
    mkdirSync(dirname(opts.extract), { recursive: true, mode: 0o700 });
    out = await open(opts.extract, 'wx', 0o600);
  }
  try {
    for (let left = size; left > 0;) {
      if (opts.signal?.aborted) throw new JejakError('CANCELLED', 'Cancelled.');
      const part = await src.piece(Math.min(left, CHUNK));
      if (!part) return null;
      hash.update(part);
      opts.archive?.update(part);
      if (opts.keep) kept.push(part);
      if (out) await out.write(part);
      left -= part.length;
      opts.onProgress?.(src.position, src.size);
    }
    await out?.sync();
  } finally {
    await out?.close();
  }
  return { sha256: hash.digest('hex'), memory: opts.keep ? Buffer.concat(kept) : undefined };
}
