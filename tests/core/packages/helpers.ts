import { createHash, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import type { Notice } from '../../../electron/core/notice/notice-types';
import type { ReportData } from '../../../electron/core/report/report-data';
import { keySigner, type ExportInput, type PayloadFile, type Role, type Signer } from '../../../electron/core/packages';

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
export const sha512 = (b: Buffer | string): string => createHash('sha512').update(b).digest('hex');

export function makeSigner(role: Role, name = role === 'analyst' ? 'Ani Analis' : 'Sari Supervisor'): Signer {
  const { privateKey } = generateKeyPairSync('ed25519');
  return keySigner({ name, unit: 'Direktorat Pengendalian', id: `${role}-01`, role }, privateKey);
}

const dirs: string[] = [];
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-pkg-'));
  dirs.push(dir);
  return dir;
}
export function cleanTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function bufferPayload(path: string, data: Buffer, extra: Partial<PayloadFile> = {}): PayloadFile {
  return { path, open: () => Readable.from([data]), size: data.length, ...extra };
}

export const SAMPLE_NOTICE_ID = '6f1c2a4e-0b7d-4c3e-9a55-2d8e1f3b7c90';

/** A notice that checks against sampleInput's bag: one channel with the three evidence files. */
function sampleNotice(
  analyst: Signer,
  reference: string,
  evidence: ReadonlyArray<{ path: string; bytes: Buffer }>,
): Notice {
  const paths = evidence.map((e) => `data/${e.path}`);
  return {
    format: 'jejak-notice/1',
    noticeId: SAMPLE_NOTICE_ID,
    reference,
    revision: 1,
    issuedAt: '2026-11-28T04:00:00.000Z',
    platform: 'telegram',
    authority: {
      unit: 'Direktorat Pengendalian',
      organisation: 'Kementerian Komunikasi dan Digital',
      contactEmail: 'aduan@example.go.id',
      country: 'ID',
    },
    analyst: { name: analyst.name, fingerprint: analyst.fingerprint },
    signer: { role: 'analyst', fingerprint: analyst.fingerprint },
    legalBasis: { provision: 'UU ITE Pasal 40', referenceUrl: null, explanation: 'Kanal penipuan investasi' },
    goodFaith: true,
    priority: 'urgent',
    deadline: '2026-11-29T04:00:00.000Z',
    requestedAction: 'remove',
    preservationDays: 180,
    items: [
      {
        itemId: '0b9f3e1d-5c2a-5e7f-8a41-6d3c2b1a0f9e',
        kind: 'channel',
        parentItemId: null,
        platform: 'telegram',
        canonicalUrl: 'https://t.me/investasi_bodong',
        originalUrls: ['t.me/investasi_bodong'],
        identifiers: { username: 'investasi_bodong', channelId: null, messageIds: [] },
        title: 'Investasi Bodong',
        category: 'fraud',
        unitCategory: 'penipuan / investasi ilegal',
        contentType: ['other'],
        language: 'id',
        firstSeen: '2026-11-27T01:00:00.000Z',
        lastSeen: '2026-11-27T02:00:00.000Z',
        evidence: paths,
      },
    ],
    evidence: evidence.map((e, i) => ({
      path: paths[i]!,
      sha256: `sha256:${sha256(e.bytes)}`,
      sha512: `sha512:${sha512(e.bytes)}`,
      mediaType: 'application/octet-stream',
      size: e.bytes.length,
      capturedAt: null,
      intakeAt: '2026-11-27T02:00:00.000Z',
      perceptualHash: null,
    })),
    response: {
      format: 'jejak-response/1',
      schema: 'urn:jejak:schema:jejak-response-1',
      noticeId: SAMPLE_NOTICE_ID,
      contactEmail: 'aduan@example.go.id',
      instructions: 'Answer with a jejak-response/1 file quoting the noticeId and each itemId.',
    },
  };
}

export interface Sample {
  input: ExportInput;
  files: Map<string, Buffer>;
  reference: string;
}

/** A small, consistent case: report files, a notice, and three evidence files. */
export function sampleInput(
  analyst: Signer,
  reference = 'KOMINFO/2026/11/0042',
  pdf: PayloadFile | Buffer = Buffer.from('%PDF-1.7\n% laporan\n'),
): Sample {
  const evidence = [
    Buffer.from('\x89PNG\r\n\x1a\n first screenshot'),
    Buffer.from('\xff\xd8\xff\xe0 second, a jpeg'),
    Buffer.from('a third file with no extension'),
  ];
  const exts = ['.png', '.jpg', ''];
  const evidencePaths = evidence.map(
    (b, i) => `evidence/${String(i + 1).padStart(3, '0')}-${sha256(b).slice(0, 12)}${exts[i]}`,
  );
  const report: ReportData = {
    format: 'jejak-report/1',
    language: 'id',
    unit: 'Direktorat Pengendalian',
    case: {
      reference,
      title: 'Kanal penipuan investasi',
      platform: 'telegram',
      priority: 'urgent',
      dueAt: '2026-11-29T04:00:00Z',
      legalBasis: 'UU ITE Pasal 40',
      notes: '',
      createdAt: '2026-11-27T01:00:00Z',
      exportedAt: '2026-11-28T04:00:00Z',
    },
    analyst: {
      name: analyst.name,
      unit: analyst.unit,
      id: analyst.id,
      role: 'analyst',
      fingerprint: analyst.fingerprint,
    },
    channels: [],
    evidence: evidence.map((b, i) => ({
      seq: i + 1,
      file: `data/${evidencePaths[i]}`,
      sha256: sha256(b),
      sha512: sha512(b),
      size: b.length,
      mediaType: 'application/octet-stream',
      width: null,
      height: null,
      capturedAt: null,
      intakeAt: '2026-11-27T02:00:00Z',
      takenBy: analyst.name,
      sourceUrl: null,
      channelUrl: null,
      notes: '',
    })),
  };
  const files = new Map<string, Buffer>([
    ['report.json', Buffer.from(JSON.stringify(report, null, 2))],
    [
      'channels.csv',
      Buffer.from('platform,kind,canonical_url,original_url,title,category,first_seen,evidence_count\n'),
    ],
    ['custody.jsonl', Buffer.from('{"seq":1,"action":"intake"}\n')],
  ]);
  evidencePaths.forEach((p, i) => files.set(p, evidence[i] as Buffer));
  files.set(
    'notice.json',
    Buffer.from(
      JSON.stringify(
        sampleNotice(
          analyst,
          reference,
          evidencePaths.map((path, i) => ({ path, bytes: evidence[i]! })),
        ),
        null,
        2,
      ),
    ),
  );
  const pdfFile = Buffer.isBuffer(pdf) ? bufferPayload('report.pdf', pdf) : pdf;
  if (Buffer.isBuffer(pdf)) files.set('report.pdf', pdf);
  return {
    reference,
    files,
    input: {
      bagInfo: {
        sourceOrganization: 'Direktorat Pengendalian',
        contactName: analyst.name,
        externalIdentifier: reference,
        externalDescription: 'Kanal penipuan investasi',
        platform: 'telegram',
        priority: 'urgent',
        due: '2026-11-29T04:00:00Z',
        softwareAgent: 'jejak 0.1.0',
      },
      payload: [pdfFile, ...[...files].filter(([p]) => p !== 'report.pdf').map(([p, b]) => bufferPayload(p, b))],
      signer: analyst,
    },
  };
}

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
      h.writeUInt16LE(localName.length, 26);
      parts.push(h, localName, stored);
      offset += 30 + localName.length + stored.length;
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
