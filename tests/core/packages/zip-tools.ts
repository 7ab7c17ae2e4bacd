/** ZIP tools for package tests: read entries, build raw or re-zipped archives, run a shell, flip a byte. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

export function sh(command: string, cwd: string): { code: number; out: string } {
  try {
    return {
      code: 0,
      out: execFileSync('sh', ['-c', command], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

export interface PlainEntry {
  name: string;
  data: Buffer;
  flags?: number;
}

/** Every entry, read with yauzl: an independent reader. */
export async function readZip(path: string, withFlags = false): Promise<PlainEntry[]> {
  const zip = await yauzl.openPromise(path);
  const entries: PlainEntry[] = [];
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    entries.push({
      name: entry.fileName,
      data: Buffer.concat(chunks),
      ...(withFlags ? { flags: entry.generalPurposeBitFlag } : {}),
    });
  }
  return entries;
}

export interface RawEntry {
  name: string | Buffer;
  data?: Buffer;
  method?: number;
  /** the bytes stored for the entry; defaults to data (method 0) or its deflate */
  stored?: Buffer;
  crc?: number;
  size?: number;
  compressedSize?: number;
  flags?: number;
  attrs?: number;
  madeBy?: number;
  localName?: string | Buffer;
  /** an extra field in the local header only */
  localExtra?: Buffer;
  centralExtra?: Buffer;
  /** reuse the local header of an earlier entry (index) instead of writing one */
  sameHeaderAs?: number;
}

/** Writes ZIP bytes by hand, for the archives no well-behaved writer would produce. */
export function rawZip(
  entries: RawEntry[],
  opts: { prefix?: Buffer; trailing?: Buffer; comment?: Buffer } = {},
): Buffer {
  const parts: Buffer[] = [opts.prefix ?? Buffer.alloc(0)];
  let offset = parts[0]!.length;
  const central: Buffer[] = [];
  const offsets: number[] = [];
  for (const e of entries) {
    const data = e.data ?? Buffer.alloc(0);
    const name = Buffer.isBuffer(e.name) ? e.name : Buffer.from(e.name);
    const localName =
      e.localName === undefined ? name : Buffer.isBuffer(e.localName) ? e.localName : Buffer.from(e.localName);
    const method = e.method ?? 0;
    const stored = e.stored ?? (method === 8 ? deflateRawSync(data) : data);
    const crc = e.crc ?? crc32(data);
    const size = e.size ?? data.length;
    const csize = e.compressedSize ?? stored.length;
    const flags = e.flags ?? 0x0800;
    let at = offset;
    if (e.sameHeaderAs !== undefined) at = offsets[e.sameHeaderAs]!;
    else {
      const h = Buffer.alloc(30);
      h.writeUInt32LE(0x04034b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(flags, 6);
      h.writeUInt16LE(method, 8);
      h.writeUInt32LE(crc, 14);
      h.writeUInt32LE(csize, 18);
      h.writeUInt32LE(size, 22);
      const localExtra = e.localExtra ?? Buffer.alloc(0);
      h.writeUInt16LE(localName.length, 26);
      h.writeUInt16LE(localExtra.length, 28);
      parts.push(h, localName, localExtra, stored);
      offset += 30 + localName.length + localExtra.length + stored.length;
    }
    offsets.push(at);
    const extra = e.centralExtra ?? Buffer.alloc(0);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(e.madeBy ?? 0x033f, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(csize, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(e.attrs ?? (0o100644 << 16) >>> 0, 38);
    c.writeUInt32LE(at, 42);
    central.push(c, name, extra);
  }
  const cd = Buffer.concat(central);
  const comment = opts.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, cd, end, comment, opts.trailing ?? Buffer.alloc(0)]);
}

/** Rebuilds a package with `edit` applied to its entries: a structurally perfect ZIP with other content. */
export async function rezip(
  source: string,
  target: string,
  edit: (entries: PlainEntry[]) => PlainEntry[],
): Promise<void> {
  const entries = edit(await readZip(source));
  writeFileSync(target, rawZip(entries.map((e) => ({ name: e.name, data: e.data }))));
}

/** Flips one byte of an entry's data. */
export function flip(data: Buffer, at = 0): Buffer {
  const copy = Buffer.from(data);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
}
